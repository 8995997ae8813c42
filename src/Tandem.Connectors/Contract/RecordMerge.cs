namespace Tandem.Connectors.Contract;

/// <summary>
/// A merge the app reported: the record <paramref name="GoneId"/> was merged into <paramref name="SurvivorId"/> and no
/// longer exists on its own. The engine moves the gone record's link to the survivor instead of taking the merge for a
/// deletion (which would tag or delete its counterpart) plus a change.
/// </summary>
/// <param name="GoneId">The id that disappeared in the merge (HubSpot's secondary, Pipedrive's merged person).</param>
/// <param name="SurvivorId">The id of the record that holds both now.</param>
public sealed record RecordMerge(string GoneId, string SurvivorId);
