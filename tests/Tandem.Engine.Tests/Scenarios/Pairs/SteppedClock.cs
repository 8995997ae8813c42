namespace Tandem.Engine.Tests.Scenarios.Pairs;

/// <summary>The system clock, moved on by steps (timers stay real): for apps that keep time in whole seconds.</summary>
public sealed class SteppedClock : TimeProvider
{
    private long offsetTicks;

    public void Step(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));
}
