namespace Tandem.Connectors.Http;

/// <summary>
/// What one account's traffic may cost, whatever the app answers: a bounded body, a bounded time to answer (the body
/// included, not only the headers), and a bounded listing per run. A hostile or broken app ends with a clear error on
/// that account instead of filling memory or holding a worker forever. Each connector may set its own.
/// </summary>
public sealed record HttpLimits
{
    /// <summary>A response body longer than this is not read on.</summary>
    public long MaxResponseBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>From sending a request to the last byte of its answer; an app that trickles its answer is cut off.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Listing pages one connector (one run) reads at most; a listing that never ends stops here.</summary>
    public int MaxPagesPerRun { get; init; } = 20_000;

    /// <summary>Records one connector (one run) lists at most.</summary>
    public long MaxRecordsPerRun { get; init; } = 2_000_000;

    public static HttpLimits Default { get; } = new();
}
