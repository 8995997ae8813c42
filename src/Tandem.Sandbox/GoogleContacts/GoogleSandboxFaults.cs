using System.Text.Json.Nodes;

namespace Tandem.Sandbox.GoogleContacts;

/// <summary>
/// The Google Contacts sandbox's fault switches: every sandbox's (<see cref="SandboxFaults"/>; its stale versions are
/// Google's stale etags), plus expiring every sync token issued so far, the full-sync quota, the per-minute read and write
/// quotas and the propagation delay of listings. Set from tests or <c>POST /_sandbox/faults</c>
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

    /// <summary>Read requests per calendar minute (<see cref="ReadWriteQuota"/>); 0 for no limit. <c>"readsPerMinute"</c>.</summary>
    public int ReadRequestsPerMinute { get; set; }

    /// <summary>Write requests per calendar minute (<see cref="ReadWriteQuota"/>); 0 for no limit. <c>"writesPerMinute"</c>.</summary>
    public int WriteRequestsPerMinute { get; set; }

    /// <summary>
    /// How long changes made from now on take to show in <c>connections.list</c> (<c>"propagationDelaySeconds"</c>);
    /// zero shows them at once.
    /// </summary>
    public TimeSpan PropagationDelay { get; set; }

    public override void Apply(JsonObject switches)
    {
        base.Apply(switches);
        if (switches["readsPerMinute"]?.GetValue<int>() is { } reads)
        {
            ReadRequestsPerMinute = reads;
        }

        if (switches["writesPerMinute"]?.GetValue<int>() is { } writes)
        {
            WriteRequestsPerMinute = writes;
        }

        if (switches["propagationDelaySeconds"]?.GetValue<double>() is { } delay)
        {
            PropagationDelay = TimeSpan.FromSeconds(delay);
        }

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
