namespace Tandem.Connectors.VCardFolder.Tests.Support;

/// <summary>A clock stopped at one instant, so REV values in written cards are known.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
