namespace Tandem.Runtime.Running;

/// <summary>How a <see cref="WatchLoop"/> paces its runs.</summary>
public sealed record WatchLoopOptions
{
    /// <summary>The wait between two runs while all is well.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait after failed runs; each failure in a row doubles the wait up to this.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Throws when the options cannot pace a loop; the message names the option.</summary>
    public void Validate()
    {
        if (Interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Interval), Interval, "The watch interval must be positive.");
        }

        if (MaxBackoff < Interval)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBackoff), MaxBackoff, "The maximum backoff cannot be shorter than the interval.");
        }
    }
}
