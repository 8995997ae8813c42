using Microsoft.Extensions.Logging;

namespace Tandem.Connectors;

/// <summary>The shared plumbing's log messages, in one place. They name paths and reasons, never secrets or contact data.</summary>
internal static partial class ConnectorsLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Rate limited on {Method} {Path}; waiting {Wait} as the app asks")]
    public static partial void RateLimited(ILogger logger, string method, string? path, TimeSpan wait);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{Method} {Path} failed ({Reason}) on attempt {Attempt}; retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string method, string? path, string reason, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Refreshed the OAuth access token; it expires at {ExpiresAt}")]
    public static partial void TokenRefreshed(ILogger logger, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "The token endpoint refused the grant: {Error}")]
    public static partial void GrantRefused(ILogger logger, string error);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Refused to connect to {Host} for {App}: it resolves to an internal network address the host does not allow")]
    public static partial void ConnectionRefused(ILogger logger, string host, string app);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "{App} answered {Method} {Path} with more than {MaxBytes} bytes; stopped reading")]
    public static partial void ResponseTooLarge(ILogger logger, string app, string method, string? path, long maxBytes);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "{App} did not finish answering {Method} {Path} within {Timeout}; stopped waiting")]
    public static partial void ResponseTooSlow(ILogger logger, string app, string method, string? path, TimeSpan timeout);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "{App} answered {Method} {Path} with a redirect ({Status}); not followed")]
    public static partial void RedirectRefused(ILogger logger, string app, string method, string? path, int status);
}
