using Microsoft.Extensions.Logging;

namespace Tandem.Connectors.Woodpecker;

/// <summary>The connector's log messages, in one place. They name operations and Woodpecker's codes, never contact data or keys.</summary>
internal static partial class WoodpeckerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Woodpecker's prospect count moved by more than the creates seen; listing ids to find deletions")]
    public static partial void ListingIds(ILogger logger);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "The change cursor's id list is {Days} days old; a full rescan follows")]
    public static partial void CursorExpired(ILogger logger, int days);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Woodpecker refused a prospect of a batch ({Code})")]
    public static partial void ProspectRefused(ILogger logger, string code);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Kept the blacklisted prospect {ProspectId} blacklisted: Tandem never takes a prospect off the blacklist")]
    public static partial void KeptBlacklisted(ILogger logger, string prospectId);
}
