using Microsoft.AspNetCore.Http;
using Tandem.Sandbox.Kit.Faults;

namespace Tandem.Sandbox.GoogleContacts;

/// <summary>
/// The People API's per-user, per-minute quotas, reads and writes apart: a quota exceeded answers 429
/// <c>RESOURCE_EXHAUSTED</c> ("Quota exceeded for quota metric 'Critical read requests (Contact and Profile Reads)' and
/// limit '… per minute per user'", as Google words it). Counted per calendar minute on the sandbox's clock, as the Cloud
/// console's per-minute quotas are. A read is a GET (listings, <c>get</c>, <c>batchGet</c>, groups); anything else
/// writes. Off when a limit is 0. Unverified: the default sizes (reported as 90 a minute per user for each) and whether
/// a refused request counts.
/// </summary>
internal sealed class ReadWriteQuota(TimeProvider time, Func<int> readsPerMinute, Func<int> writesPerMinute) : IRequestBudget
{
    private readonly Lock gate = new();
    private long minute = -1;
    private int reads;
    private int writes;

    public QuotaVerdict Spend(HttpRequest request)
    {
        var read = HttpMethods.IsGet(request.Method);
        var limit = read ? readsPerMinute() : writesPerMinute();
        if (limit <= 0)
        {
            return QuotaVerdict.Granted;
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds() / 60;
        lock (gate)
        {
            if (now != minute)
            {
                (minute, reads, writes) = (now, 0, 0);
            }

            var used = read ? ++reads : ++writes;
            return used <= limit ? QuotaVerdict.Granted : QuotaVerdict.Refused;
        }
    }
}
