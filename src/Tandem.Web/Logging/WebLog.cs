namespace Tandem.Web.Logging;

/// <summary>Every log message of the web server. Ids, app keys and counts only: never contact data, never secrets.</summary>
internal static partial class WebLog
{
    [LoggerMessage(201, LogLevel.Warning, "Testing a {App} account failed unexpectedly ({ExceptionType})")]
    public static partial void AccountTestThrew(ILogger logger, string app, string exceptionType);

    [LoggerMessage(202, LogLevel.Information, "Tandem is listening on {Address}")]
    public static partial void Listening(ILogger logger, string address);

    [LoggerMessage(203, LogLevel.Information, "Sandbox {App} is running on {Address}")]
    public static partial void SandboxRunning(ILogger logger, string app, string address);

    [LoggerMessage(204, LogLevel.Information, "Watching connection {ConnectionId}")]
    public static partial void WatchStarted(ILogger logger, string connectionId);

    [LoggerMessage(205, LogLevel.Information, "Stopped watching connection {ConnectionId}")]
    public static partial void WatchStopped(ILogger logger, string connectionId);

    [LoggerMessage(206, LogLevel.Error, "A requested run of connection {ConnectionId} threw")]
    public static partial void RequestedRunThrew(ILogger logger, Exception exception, string connectionId);

    [LoggerMessage(207, LogLevel.Error, "The sync workers could not list the connections; trying again")]
    public static partial void ReconcileFailed(ILogger logger, Exception exception);

    [LoggerMessage(208, LogLevel.Warning, "Webhook for connection {ConnectionId} ({App}) refused: {Why} ({Skipped} more refusals of it in the last minute were not logged)")]
    public static partial void WebhookRefused(ILogger logger, string connectionId, string app, string why, int skipped);

    [LoggerMessage(209, LogLevel.Information, "Webhook for connection {ConnectionId} ({App}) accepted; a run is requested")]
    public static partial void WebhookAccepted(ILogger logger, string connectionId, string app);

    [LoggerMessage(210, LogLevel.Information, "User {UserId} signed up")]
    public static partial void SignedUp(ILogger logger, string userId);

    [LoggerMessage(211, LogLevel.Information, "Webhook of connection {ConnectionId} registered in {App} (side {Side})")]
    public static partial void WebhookRegistered(ILogger logger, string connectionId, string app, string side);

    [LoggerMessage(212, LogLevel.Warning, "Webhook of connection {ConnectionId} could not be registered in {App} ({ExceptionType}); the connection keeps polling")]
    public static partial void WebhookRegistrationFailed(ILogger logger, string connectionId, string app, string exceptionType);

    [LoggerMessage(213, LogLevel.Information, "Webhook of connection {ConnectionId} removed from {App} (side {Side})")]
    public static partial void WebhookRemoved(ILogger logger, string connectionId, string app, string side);

    [LoggerMessage(214, LogLevel.Warning, "Webhook of connection {ConnectionId} could not be removed from {App} ({ExceptionType})")]
    public static partial void WebhookRemovalFailed(ILogger logger, string connectionId, string app, string exceptionType);
}
