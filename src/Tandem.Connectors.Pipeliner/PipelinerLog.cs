using Microsoft.Extensions.Logging;

namespace Tandem.Connectors.Pipeliner;

/// <summary>The connector's log messages, in one place. They name operations and Pipeliner's codes, never contact data or secrets.</summary>
internal static partial class PipelinerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "The change-feed cursor was last read {Days} days ago; a full rescan follows")]
    public static partial void CursorExpired(ILogger logger, int days);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Skipped a {Field} value of contact {ContactId} that is not valid for its type")]
    public static partial void SkippedValue(ILogger logger, string field, string contactId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Pipeliner refused item {Index} of a batch of {Count} ({Name}); sending the others again")]
    public static partial void BatchItemRefused(ILogger logger, int index, int count, string name);
}
