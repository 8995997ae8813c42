using System.Text;

namespace Tandem.Connectors.Webhooks;

/// <summary>
/// One request a vendor sent to a connection's hook URL, as plain values: no web framework is needed to verify or read
/// it, so a connector's verifier is tested with nothing but this.
/// </summary>
public sealed class WebhookDelivery
{
    private readonly IReadOnlyDictionary<string, string> headers;
    private readonly IReadOnlyDictionary<string, string> query;

    /// <param name="method">The HTTP method ("GET", "POST").</param>
    /// <param name="headers">The request headers; several values of one header joined by commas, as HTTP allows.</param>
    /// <param name="query">The query string's parameters (the first value of each; names compare case-insensitively, as ASP.NET Core's do).</param>
    /// <param name="body">The body as sent (empty for a GET).</param>
    public WebhookDelivery(string method, IReadOnlyDictionary<string, string> headers, IReadOnlyDictionary<string, string> query, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(query);
        Method = method;
        this.headers = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
        this.query = new Dictionary<string, string>(query, StringComparer.OrdinalIgnoreCase);
        Body = body;
    }

    public string Method { get; }

    /// <summary>
    /// The URL the vendor called, as the host received it (scheme, host, path and query), or null when unknown. A vendor
    /// that signs the URL (HubSpot's v3 signature) is verified against it.
    /// </summary>
    public Uri? Url { get; init; }

    /// <summary>The body's bytes exactly as sent (what a signature is computed over).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The body read as UTF-8.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body.Span);

    /// <summary>True for a GET: a vendor checking that the URL answers (Mailchimp does when the webhook is saved).</summary>
    public bool IsCheck => string.Equals(Method, "GET", StringComparison.OrdinalIgnoreCase);

    /// <summary>A header's value (names compare case-insensitively), or null when absent.</summary>
    public string? Header(string name) => headers.GetValueOrDefault(name);

    /// <summary>A query parameter's value (names compare case-insensitively), or null when absent.</summary>
    public string? Query(string name) => query.GetValueOrDefault(name);
}
