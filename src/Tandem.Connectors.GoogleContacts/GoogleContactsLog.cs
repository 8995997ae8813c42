using Microsoft.Extensions.Logging;

namespace Tandem.Connectors.GoogleContacts;

/// <summary>The connector's log messages, in one place. They name operations and Google's status, never contact data or tokens.</summary>
internal static partial class GoogleContactsLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Google refused a batch of {Count} {Operation}s ({Status}); writing them one by one")]
    public static partial void BatchRefused(ILogger logger, int count, string operation, string status);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "The sync token expired; a full rescan follows")]
    public static partial void SyncTokenExpired(ILogger logger);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Created the contact group {GroupResourceName}")]
    public static partial void GroupCreated(ILogger logger, string groupResourceName);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "A tag was not written: its name is taken by one of Google's system contact groups")]
    public static partial void GroupNameTaken(ILogger logger);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Skipped a {Field} value of {ResourceName} that is not valid for its type")]
    public static partial void SkippedValue(ILogger logger, string field, string resourceName);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Google refused a contact photo ({Status})")]
    public static partial void PhotoRefused(ILogger logger, string status);
}
