using Microsoft.Extensions.Logging;

namespace Tandem.Connectors.Workbooks;

/// <summary>The connector's log messages, in one place. They name operations and Workbooks' reasons, never contact data or keys.</summary>
internal static partial class WorkbooksLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Logged into Workbooks database {DatabaseId}")]
    public static partial void LoggedIn(ILogger logger, int databaseId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "The Workbooks session ended ({Reason}); logging in again")]
    public static partial void SessionEnded(ILogger logger, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Workbooks redirected a request ({Status}); following it to {Path}")]
    public static partial void Redirected(ILogger logger, int status, string path);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "The change cursor was not read for {Days} days; deleted people may be purged, so a full rescan follows")]
    public static partial void CursorExpired(ILogger logger, int days);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Skipped a {Field} value of person {PersonId} that is not valid for its type")]
    public static partial void SkippedValue(ILogger logger, string field, string personId);
}
