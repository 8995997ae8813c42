namespace Tandem.Web.Tests.Security;

/// <summary>The system's clock moved on by <see cref="Ahead"/>: lets a test pass an expiry without waiting for it.</summary>
public sealed class ShiftedClock : TimeProvider
{
    private long aheadTicks;

    public TimeSpan Ahead => TimeSpan.FromTicks(Interlocked.Read(ref aheadTicks));

    public void MoveOn(TimeSpan by) => Interlocked.Add(ref aheadTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Ahead;
}
