using Tandem.Connectors.Contract;

namespace Tandem.Connectors.Http;

/// <summary>
/// The one mapping from a failed call to the result of the writes it carried: no answer to a request that may have
/// taken effect, or a 5xx, is <see cref="WriteFailureKind.Unknown"/> (the engine settles it later); 404 is
/// <see cref="WriteFailureKind.NotFound"/>; a failed precondition is <see cref="WriteFailureKind.StaleVersion"/>; any
/// other refusal of the request (4xx) is <see cref="WriteFailureKind.Rejected"/> with the app's reason. Credentials
/// refused (401, 403) and rate limits (429) are the whole call's failure, not the item's: null, and the caller rethrows.
/// </summary>
public static class WriteFailures
{
    /// <param name="error">Why the call failed.</param>
    /// <param name="notFound">The sentence for a record that no longer exists ("The person no longer exists in Pipedrive.").</param>
    /// <param name="stale">The sentence for a record that changed since it was read.</param>
    public static (WriteFailureKind Kind, string Reason)? Classify(ConnectorException error, string notFound, string stale)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error switch
        {
            OutcomeUnknownException => (WriteFailureKind.Unknown, error.Message),
            ApiErrorException { Status: 404 } => (WriteFailureKind.NotFound, notFound),
            ApiErrorException { IsStaleVersion: true } => (WriteFailureKind.StaleVersion, stale),
            ApiErrorException { Status: >= 400 and < 500 and not (401 or 403 or 429) } api => (WriteFailureKind.Rejected, api.AppReason.Length > 0 ? api.AppReason : api.Message),
            ApiErrorException { Status: >= 500 } => (WriteFailureKind.Unknown, error.Message),
            _ => null,
        };
    }

    /// <summary>The result of one write whose call failed, or null when the failure is the whole call's.</summary>
    public static WriteResult? For(string operationId, ConnectorException error, string notFound, string stale) =>
        Classify(error, notFound, stale) is { } failure ? WriteResult.Failed(operationId, failure.Kind, failure.Reason) : null;
}
