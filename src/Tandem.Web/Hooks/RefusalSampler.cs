using System.Collections.Concurrent;

namespace Tandem.Web.Hooks;

/// <summary>
/// Refused webhooks are logged sampled: the first refusal of a connection in a minute is written with how many were left
/// out before it, the rest only counted, so a flood of forged deliveries cannot flood the log.
/// </summary>
public sealed class RefusalSampler(TimeProvider time)
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Sample> samples = new(StringComparer.Ordinal);

    /// <summary>Null when this refusal is only counted, else how many were left out since the last line.</summary>
    public int? ShouldLog(string connectionId)
    {
        var now = time.GetUtcNow();
        if (samples.Count > 10_000)
        {
            samples.Clear();
        }

        var sample = samples.GetOrAdd(connectionId, _ => new Sample());
        return sample.Take(now);
    }

    private sealed class Sample
    {
        private readonly Lock gate = new();
        private DateTimeOffset last = DateTimeOffset.MinValue;
        private int skipped;

        public int? Take(DateTimeOffset now)
        {
            lock (gate)
            {
                if (now - last < Period)
                {
                    skipped++;
                    return null;
                }

                var left = skipped;
                last = now;
                skipped = 0;
                return left;
            }
        }
    }
}
