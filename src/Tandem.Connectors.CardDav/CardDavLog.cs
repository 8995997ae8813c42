using Microsoft.Extensions.Logging;

namespace Tandem.Connectors.CardDav;

/// <summary>The connector's log messages, in one place. They name resources and problems, never contact data or credentials.</summary>
internal static partial class CardDavLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Skipped the card {CardId}: {Problem}")]
    public static partial void SkippedCard(ILogger logger, string cardId, string problem);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Writing the card {CardId} failed: {Problem}")]
    public static partial void WriteFailed(ILogger logger, string cardId, string problem);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "The CardDAV server no longer accepts the sync token (status {Status}); a full listing follows")]
    public static partial void SyncTokenRejected(ILogger logger, int status);
}
