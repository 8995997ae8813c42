namespace Tandem.Connectors.Http;

/// <summary>
/// Whether a request may be sent twice with the same effect. GET, HEAD, PUT, DELETE and OPTIONS are;
/// POST and PATCH are not unless the caller says so (a PATCH with an etag precondition, a POST that
/// only reads or sets absolute values).
/// </summary>
public static class RequestIdempotency
{
    private static readonly HttpRequestOptionsKey<bool> Key = new("Tandem.Idempotent");

    /// <summary>Marks a POST or PATCH as safe to repeat after a timeout or a 5xx.</summary>
    public static HttpRequestMessage MarkIdempotent(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(Key, true);
        return request;
    }

    public static bool IsIdempotent(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Options.TryGetValue(Key, out var marked) && marked)
        {
            return true;
        }

        var method = request.Method;
        return method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put
            || method == HttpMethod.Delete || method == HttpMethod.Options;
    }
}
