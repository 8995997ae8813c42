namespace Tandem.Bench.ApiCalls;

/// <summary>
/// The system clock moved on by steps (timers stay real). Apps such as Pipedrive keep time in whole seconds; the
/// scenario moves the clock on between steps as real time would, so a step's changes never share a second with the
/// previous step's writes.
/// </summary>
public sealed class SteppedClock : TimeProvider
{
    private long offsetTicks;

    public void Step(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));
}
