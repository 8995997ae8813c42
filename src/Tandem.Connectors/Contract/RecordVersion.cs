namespace Tandem.Connectors.Contract;

/// <summary>A record's id and version stamp, from a cheap listing.</summary>
public readonly record struct RecordVersion(string Id, string Version);
