using Microsoft.Extensions.Logging;

namespace Tandem.Connectors.HubSpot;

/// <summary>The connector's log messages, in one place. They name operations and HubSpot's answers, never contact data or tokens.</summary>
internal static partial class HubSpotLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "A create was refused as a duplicate email; linked to the existing contact {ContactId}")]
    public static partial void LinkedDuplicate(ILogger logger, string contactId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Created the static list {ListId} for a tag")]
    public static partial void ListCreated(ILogger logger, string listId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Skipped a value of property {Property} of contact {ContactId} that is not valid for its type")]
    public static partial void SkippedValue(ILogger logger, string property, string contactId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Created the custom contact property {Property}")]
    public static partial void PropertyCreated(ILogger logger, string property);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "The change search reached its window's end at {Results} results; the next page starts a new search from the newest change")]
    public static partial void SearchWindowMoved(ILogger logger, int results);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Contact {SecondaryId} was merged into contact {PrimaryId}")]
    public static partial void Merged(ILogger logger, string secondaryId, string primaryId);
}
