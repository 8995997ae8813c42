namespace Tandem.Connectors.Http;

/// <summary>How <see cref="RetryHandler"/> retries: bounded attempts, exponential backoff, a timeout per attempt.</summary>
public sealed record RetryOptions
{
    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The first backoff delay; each later one doubles it.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>No backoff delay is longer than this.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A vendor that asks to wait longer than this (Retry-After, rate-reset headers) is not waited for:
    /// its answer is returned to the caller, which fails the run and tries again later.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>One attempt that takes longer than this is abandoned as a timeout.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(100);

    public static RetryOptions Default { get; } = new();
}
