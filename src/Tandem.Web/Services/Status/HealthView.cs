namespace Tandem.Web.Services.Status;

/// <summary>
/// A connection's health (PRODUCT.md §6): in sync, excluded and failed counts, excluded and failed grouped by
/// side and reason (each group openable down to its contacts), and how far the scan has got.
/// </summary>
/// <param name="InSync">Linked pairs in sync.</param>
/// <param name="Excluded">Contacts excluded, both sides.</param>
/// <param name="Failed">Contacts that failed, both sides.</param>
/// <param name="Groups">Excluded and failed contacts by side, status and reason, largest first.</param>
/// <param name="SeenA">Contacts of side A Tandem has read so far (the scan's progress).</param>
/// <param name="SeenB">Contacts of side B read so far.</param>
public sealed record HealthView(int InSync, int Excluded, int Failed, IReadOnlyList<HealthGroup> Groups, int SeenA, int SeenB);
