using Tandem.Connectors.Http;

namespace Tandem.Connectors.Testing;

/// <summary>Retry settings for tests: the same logic as in production, with waits of milliseconds.</summary>
public static class TestRetries
{
    public static RetryOptions Fast { get; } = new() { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50), AttemptTimeout = TimeSpan.FromSeconds(5) };
}
