namespace Tandem.Connectors.Contract;

/// <summary>A published rate limit: at most <see cref="Requests"/> per <see cref="Window"/>, and a concurrency cap.</summary>
public sealed record RateLimit(int Requests, TimeSpan Window, int MaxConcurrency = 1);
