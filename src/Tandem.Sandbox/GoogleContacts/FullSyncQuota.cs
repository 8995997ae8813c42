using Microsoft.AspNetCore.Http;
using Tandem.Sandbox.Kit.Faults;

namespace Tandem.Sandbox.GoogleContacts;

/// <summary>
/// The People API's extra quota on full syncs: "the first page of a full sync request has an additional quota. If the
/// quota is exceeded, a 429 error will be returned. This quota is fixed and can not be increased" (connections.list).
/// Counted here per rolling minute on the sandbox's clock: a listing's first page (no page token) that asks for a sync
/// token (<c>requestSyncToken=true</c>) without giving one. Off when the limit is 0. Unverified: the quota's size and
/// window (Google publishes neither), and whether a first page that asks for no sync token counts (here it does not).
/// </summary>
internal sealed class FullSyncQuota(TimeProvider time, Func<int> perMinute) : IRequestBudget
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Queue<DateTimeOffset> recent = new();
    private readonly Lock gate = new();
    private int refused;

    /// <summary>Full-sync first pages refused so far.</summary>
    public int Refused => Volatile.Read(ref refused);

    public QuotaVerdict Spend(HttpRequest request)
    {
        var limit = perMinute();
        if (limit <= 0 || !IsFullSyncFirstPage(request))
        {
            return QuotaVerdict.Granted;
        }

        var now = time.GetUtcNow();
        lock (gate)
        {
            while (recent.Count > 0 && now - recent.Peek() >= Window)
            {
                recent.Dequeue();
            }

            if (recent.Count >= limit)
            {
                Interlocked.Increment(ref refused);
                return QuotaVerdict.Refused;
            }

            recent.Enqueue(now);
            return QuotaVerdict.Granted;
        }
    }

    private static bool IsFullSyncFirstPage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && (request.Path.Value ?? string.Empty).EndsWith("/connections", StringComparison.Ordinal)
        && string.Equals(request.Query["requestSyncToken"], "true", StringComparison.OrdinalIgnoreCase)
        && string.IsNullOrEmpty(request.Query["syncToken"])
        && string.IsNullOrEmpty(request.Query["pageToken"]);
}
