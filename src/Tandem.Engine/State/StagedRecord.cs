namespace Tandem.Engine.State;

/// <summary>A record as just read from an app, ready to be staged: content hash and snapshot decide whether it changed.</summary>
/// <param name="Id">The record's id in its app.</param>
/// <param name="Version">The app's version stamp (not content).</param>
/// <param name="ContentHash">Hash of <paramref name="Snapshot"/>.</param>
/// <param name="EmailKey">The key of its primary email, or null (what a lost create is looked up by).</param>
/// <param name="Snapshot">The record's canonical content (see <see cref="Snapshots.RecordSnapshot"/>).</param>
public sealed record StagedRecord(string Id, string? Version, long ContentHash, string? EmailKey, string Snapshot)
{
    /// <summary>Every matching key it holds (see <see cref="Matching.MatchKey"/>): all its emails, not only the primary one.</summary>
    public IReadOnlyList<string> MatchKeys { get; init; } = [];
}
