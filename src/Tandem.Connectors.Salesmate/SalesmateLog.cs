using Microsoft.Extensions.Logging;

namespace Tandem.Connectors.Salesmate;

/// <summary>The connector's log messages, in one place. They name operations and Salesmate's codes, never contact data or keys.</summary>
internal static partial class SalesmateLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Salesmate's contacts moved while they were listed (a contact before the page boundary went); listing again, attempt {Attempt}")]
    public static partial void ListingShifted(ILogger logger, int attempt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Created the company {CompanyId}")]
    public static partial void CompanyCreated(ILogger logger, int companyId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Skipped a value of field {FieldKey} of contact {ContactId} that is not valid for its type")]
    public static partial void SkippedValue(ILogger logger, string fieldKey, string contactId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Salesmate refused a write with {Code} {Name}")]
    public static partial void Refused(ILogger logger, string code, string name);
}
