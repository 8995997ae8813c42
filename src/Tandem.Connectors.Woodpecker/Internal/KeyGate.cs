using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Tandem.Connectors.Woodpecker.Internal;

/// <summary>
/// Woodpecker processes one request at a time per API key and drops what does not fit its queue of six, so Tandem
/// never has two requests in flight for one key: every connector of this process on the same key and address waits
/// for the same gate (the outermost handler, so retries and their backoff hold it too). Keys are told apart by a hash;
/// the key itself is not kept.
/// </summary>
internal sealed class KeyGate : DelegatingHandler
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim gate;

    public KeyGate(Uri baseUrl, string apiKey)
    {
        gate = For(baseUrl, apiKey);
    }

    /// <summary>The process-wide gate of one key at one address.</summary>
    public static SemaphoreSlim For(Uri baseUrl, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(baseUrl.GetLeftPart(UriPartial.Authority) + "\n" + apiKey)));
        return Gates.GetOrAdd(id, _ => new SemaphoreSlim(1, 1));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

            // The body is read before the gate opens: the request is not over for Woodpecker until its answer is sent.
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            return response;
        }
        finally
        {
            gate.Release();
        }
    }
}
