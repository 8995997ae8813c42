namespace Tandem.Connectors.Testing;

/// <summary>The system clock moved by a chosen offset, so a test can jump a sandbox and its connector into the future together.</summary>
public sealed class ShiftedClock : TimeProvider
{
    private long offsetTicks;

    public void Shift(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));
}
