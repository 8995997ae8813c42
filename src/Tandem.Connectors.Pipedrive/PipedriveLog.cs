using Microsoft.Extensions.Logging;

namespace Tandem.Connectors.Pipedrive;

/// <summary>The connector's log messages, in one place. They name operations and Pipedrive's status, never contact data or tokens.</summary>
internal static partial class PipedriveLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "The change cursor was last read {Days} days ago; deletions may be purged, a full rescan follows")]
    public static partial void CursorExpired(ILogger logger, int days);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Skipped a tag Pipedrive cannot hold as a label (blank or longer than 255 characters)")]
    public static partial void UnknownLabel(ILogger logger);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Created the organization {OrganizationId}")]
    public static partial void OrganizationCreated(ILogger logger, int organizationId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Skipped a value of custom field {FieldKey} of person {PersonId} that is not valid for its type")]
    public static partial void SkippedValue(ILogger logger, string fieldKey, string personId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Created the custom person field {FieldKey}")]
    public static partial void FieldCreated(ILogger logger, string fieldKey);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Added {Count} labels to the person label field")]
    public static partial void LabelsCreated(ILogger logger, int count);
}
