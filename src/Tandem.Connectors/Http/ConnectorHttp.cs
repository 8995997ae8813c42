using Microsoft.Extensions.Logging;
using Tandem.Connectors.Catalog;

namespace Tandem.Connectors.Http;

/// <summary>
/// The only way a connector reaches the network. Every pipeline ends in the host's guarded, pooled transport (see
/// <see cref="NetworkPolicy"/>); above it each attempt gets its deadline, body cap and redirect refusal; above that,
/// each attempt is one API call in the traces and metrics (<see cref="ApiCallHandler"/>); above that, each attempt waits
/// for room in the account's short rate limits (<see cref="WindowPacingHandler"/>); above that,
/// when asked, the retries (<see cref="RetryHandler"/>: Retry-After, the vendor's rate headers, idempotency-aware).
/// </summary>
public static class ConnectorHttp
{
    /// <summary>
    /// A handler for one account's calls to an app. <paramref name="label"/> names the app in errors ("Pipedrive",
    /// "the CardDAV server dav.example.com"); <paramref name="retry"/> null sends each request once.
    /// </summary>
    public static HttpMessageHandler Pipeline(string label, ConnectorContext context, HttpLimits limits, RetryOptions? retry, ILogger logger, bool reuseConnections = true)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(limits);
        var limited = new ResponseLimitsHandler(label, limits, context.Time, context.Network.Hint, logger) { InnerHandler = GuardedTransport.For(context.Network).Create(reuseConnections) };
        var counted = new ApiCallHandler(context) { InnerHandler = limited };
        var paced = new WindowPacingHandler(context) { InnerHandler = counted };
        return retry is null ? paced : new RetryHandler(retry, context.Time, logger) { InnerHandler = paced, BudgetSpent = context.Budget?.Model.SaysBudgetSpent };
    }

    /// <summary>An <see cref="HttpClient"/> over <see cref="Pipeline"/>, with optional handlers of the connector's own on top (auth, addressing).</summary>
    public static HttpClient Client(string label, ConnectorContext context, HttpLimits limits, RetryOptions? retry, ILogger logger, params DelegatingHandler[] outer)
    {
        ArgumentNullException.ThrowIfNull(outer);
        var handler = Pipeline(label, context, limits, retry, logger);
        for (var i = outer.Length - 1; i >= 0; i--)
        {
            outer[i].InnerHandler = handler;
            handler = outer[i];
        }

        // Each attempt has its own deadline in the pipeline (headers and body).
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
