using Tandem.Connectors.Http;

namespace Tandem.Connectors.HubSpot.Internal;

/// <summary>
/// HubSpot answered with its error body (<c>{status, message, correlationId, category, context}</c>). Its 409 is a
/// conflict (an email another contact holds), never a stale version: HubSpot has no versioned updates.
/// </summary>
internal sealed class HubSpotApiException : ApiErrorException
{
    public HubSpotApiException(int status, string category, string hubSpotMessage)
        : base(status, $"HubSpot answered {status}.", hubSpotMessage)
    {
        Category = category;
    }

    public HubSpotApiException()
        : this(0, string.Empty, string.Empty)
    {
    }

    public HubSpotApiException(string message)
        : base(message)
    {
        Category = string.Empty;
    }

    public HubSpotApiException(string message, Exception inner)
        : base(message, inner)
    {
        Category = string.Empty;
    }

    /// <summary>HubSpot's <c>category</c> (<c>VALIDATION_ERROR</c>, <c>CONFLICT</c>, <c>OBJECT_NOT_FOUND</c>, <c>RATE_LIMITS</c>).</summary>
    public string Category { get; }

    public override bool IsStaleVersion => false;
}
