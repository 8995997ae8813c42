using System.Text.Json.Nodes;

namespace Tandem.Sandbox.GoogleContacts;

/// <summary>
/// The Google Contacts sandbox's fault switches: every sandbox's (<see cref="SandboxFaults"/>; its stale versions are
/// Google's stale etags), plus expiring every sync token issued so far and the full-sync quota. Set from tests or <c>POST /_sandbox/faults</c>
/// (<c>"staleEtags"</c>, <c>"expireSyncTokens":true</c>).
/// </summary>
public sealed class GoogleSandboxFaults : SandboxFaults
{
    private long syncTokenEpoch;

    /// <summary>Every sync token issued before the epoch moved is now expired.</summary>
    public long SyncTokenEpoch => Interlocked.Read(ref syncTokenEpoch);

    /// <summary>Before each of the next <paramref name="count"/> contact updates, the contact is changed elsewhere (its etag moves).</summary>
    public void StaleEtags(int count) => StaleVersions(count);

    /// <summary>Every sync token issued until now is rejected with EXPIRED_SYNC_TOKEN.</summary>
    public void ExpireSyncTokens() => Interlocked.Increment(ref syncTokenEpoch);

    /// <summary>
    /// Full-sync first pages allowed per rolling minute (<see cref="FullSyncQuota"/>); 0 for no limit. Set from
    /// <see cref="GoogleSandboxOptions.FullSyncsPerMinute"/> and <c>"fullSyncsPerMinute"</c>.
    /// </summary>
    public int FullSyncsPerMinute { get; set; }

    public override void Apply(JsonObject switches)
    {
        base.Apply(switches);
        if (switches["fullSyncsPerMinute"]?.GetValue<int>() is { } fullSyncs)
        {
            FullSyncsPerMinute = fullSyncs;
        }

        Count(switches, "staleEtags", StaleEtags);
        if (switches["expireSyncTokens"]?.GetValue<bool>() == true)
        {
            ExpireSyncTokens();
        }
    }
}
