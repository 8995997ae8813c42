using Microsoft.Extensions.Logging;

namespace Tandem.Connectors.VCardFolder;

/// <summary>The connector's log messages, in one place. They name files and problems, never contact data.</summary>
internal static partial class VCardFolderLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Skipped the card file {FileName}: {Problem}")]
    public static partial void SkippedCard(ILogger logger, string fileName, string problem);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Could not read the card file {FileName}: {Problem}")]
    public static partial void UnreadableCard(ILogger logger, string fileName, string problem);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Writing the card file {FileName} failed: {Problem}")]
    public static partial void WriteFailed(ILogger logger, string fileName, string problem);
}
