using Tandem.Connectors.Webhooks;

namespace Tandem.Web.Hooks;

/// <summary>Reads a vendor's request into the plain values a connector's verifier takes, refusing a body larger than any vendor sends.</summary>
internal static class WebhookDeliveryReader
{
    public const int MaxBytes = 1024 * 1024;

    /// <exception cref="FormatException">The body is larger than <see cref="MaxBytes"/>.</exception>
    /// <param name="request">The vendor's request.</param>
    /// <param name="url">The URL the vendor called: the hook URL Tandem gave it (under the public URL when there is one), with the request's query.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public static async Task<WebhookDelivery> ReadAsync(HttpRequest request, Uri url, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.FirstOrDefault() ?? string.Empty, StringComparer.OrdinalIgnoreCase);
        return new WebhookDelivery(request.Method, headers, query, await BodyAsync(request, cancellationToken))
        {
            Url = url,
        };
    }

    private static async Task<ReadOnlyMemory<byte>> BodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw new FormatException($"The delivery is larger than {MaxBytes / 1024} KiB.");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new FormatException($"The delivery is larger than {MaxBytes / 1024} KiB.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
