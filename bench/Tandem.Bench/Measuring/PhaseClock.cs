using System.Collections.Concurrent;
using System.Diagnostics;

namespace Tandem.Bench.Measuring;

/// <summary>
/// Time spent per named section (a state-store method, a connector call), summed over a run. The engine
/// calls these one at a time, so the sections do not overlap and their sum is comparable to wall time.
/// </summary>
public sealed class PhaseClock
{
    private readonly ConcurrentDictionary<string, Section> sections = new(StringComparer.Ordinal);

    public IReadOnlyList<(string Name, TimeSpan Elapsed, long Calls)> Sections =>
        sections.OrderByDescending(s => s.Value.Ticks)
            .Select(s => (s.Key, Stopwatch.GetElapsedTime(0, s.Value.Ticks), s.Value.Calls))
            .ToList();

    public TimeSpan Total => Stopwatch.GetElapsedTime(0, sections.Values.Sum(s => s.Ticks));

    public long CallsOf(string name) => sections.TryGetValue(name, out var s) ? s.Calls : 0;

    public void Add(string name, long elapsedTicks) => sections.GetOrAdd(name, _ => new Section()).Add(elapsedTicks);

    public async Task<T> TimeAsync<T>(string name, Func<Task<T>> call)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return await call();
        }
        finally
        {
            Add(name, Stopwatch.GetTimestamp() - start);
        }
    }

    public async Task TimeAsync(string name, Func<Task> call)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await call();
        }
        finally
        {
            Add(name, Stopwatch.GetTimestamp() - start);
        }
    }

    public void Reset() => sections.Clear();

    private sealed class Section
    {
        private long ticks;
        private long calls;

        public long Ticks => Interlocked.Read(ref ticks);

        public long Calls => Interlocked.Read(ref calls);

        public void Add(long elapsed)
        {
            Interlocked.Add(ref ticks, elapsed);
            Interlocked.Increment(ref calls);
        }
    }
}
