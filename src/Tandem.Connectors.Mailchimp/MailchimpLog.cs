using Microsoft.Extensions.Logging;

namespace Tandem.Connectors.Mailchimp;

/// <summary>The connector's log messages, in one place. They name operations and Mailchimp's answers, never contact data or keys.</summary>
internal static partial class MailchimpLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "The last complete listing is {Days} days old; a full rescan follows to notice permanently deleted members")]
    public static partial void RescanDue(ILogger logger, int days);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Skipped a value of merge field {Tag} of member {MemberId} that is not valid for its type")]
    public static partial void SkippedValue(ILogger logger, string tag, string memberId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Batch of {Count} members: {Created} created, {Updated} updated, {Errors} refused")]
    public static partial void Batch(ILogger logger, int count, int created, int updated, int errors);
}
