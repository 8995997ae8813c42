using System.Globalization;
using Tandem.Sandbox.Kit.Faults;

namespace Tandem.Sandbox.HubSpot;

/// <summary>
/// HubSpot's API limits on the sandbox's clock (developers.hubspot.com, "API usage guidelines and limits"): a burst limit
/// per rolling 10 seconds and a daily limit, both told on every answer in <c>X-HubSpot-RateLimit-Max</c>,
/// <c>-Remaining</c>, <c>-Interval-Milliseconds</c>, <c>-Daily</c> and <c>-Daily-Remaining</c>. A refused request's 429
/// names the policy it broke (<see cref="LastRefusal"/>: <c>TEN_SECONDLY_ROLLING</c> or <c>DAILY</c>). The search
/// endpoint's own per-second limit is <see cref="TakeSearch"/>.
/// </summary>
internal sealed class HubSpotRateLimits : IRequestQuota
{
    public const string TenSecondly = "TEN_SECONDLY_ROLLING";
    public const string Daily = "DAILY";
    public const string Secondly = "SECONDLY";

    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    private readonly HubSpotSandboxOptions options;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private readonly Queue<DateTimeOffset> recent = new();
    private readonly Queue<DateTimeOffset> searches = new();
    private DateOnly day;
    private int usedToday;
    private string lastRefusal = TenSecondly;

    public HubSpotRateLimits(HubSpotSandboxOptions options, TimeProvider time)
    {
        this.options = options;
        this.time = time;
    }

    /// <summary>The policy the last refused request broke.</summary>
    public string LastRefusal
    {
        get
        {
            lock (gate)
            {
                return lastRefusal;
            }
        }
    }

    public QuotaVerdict Take(bool storm)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            while (recent.Count > 0 && now - recent.Peek() >= Window)
            {
                recent.Dequeue();
            }

            var today = DateOnly.FromDateTime(now.UtcDateTime);
            if (today != day)
            {
                (day, usedToday) = (today, 0);
            }

            var burstFull = options.BurstLimit > 0 && recent.Count >= options.BurstLimit;
            var dailyFull = options.DailyLimit > 0 && usedToday >= options.DailyLimit;
            var allowed = !storm && !burstFull && !dailyFull;
            if (allowed)
            {
                recent.Enqueue(now);
                usedToday++;
            }
            else
            {
                lastRefusal = dailyFull ? Daily : TenSecondly;
            }

            return new QuotaVerdict(allowed,
            [
                new("X-HubSpot-RateLimit-Max", Number(options.BurstLimit)),
                new("X-HubSpot-RateLimit-Remaining", Number(storm ? 0 : Math.Max(0, options.BurstLimit - recent.Count))),
                new("X-HubSpot-RateLimit-Interval-Milliseconds", Number((int)Window.TotalMilliseconds)),
                new("X-HubSpot-RateLimit-Daily", Number(options.DailyLimit)),
                new("X-HubSpot-RateLimit-Daily-Remaining", Number(Math.Max(0, options.DailyLimit - usedToday))),
            ]);
        }
    }

    /// <summary>Takes one search request of the second; false past <see cref="HubSpotSandboxOptions.SearchPerSecond"/>.</summary>
    public bool TakeSearch()
    {
        if (options.SearchPerSecond <= 0)
        {
            return true;
        }

        var now = time.GetUtcNow();
        lock (gate)
        {
            while (searches.Count > 0 && now - searches.Peek() >= TimeSpan.FromSeconds(1))
            {
                searches.Dequeue();
            }

            if (searches.Count >= options.SearchPerSecond)
            {
                lastRefusal = Secondly;
                return false;
            }

            searches.Enqueue(now);
            return true;
        }
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
