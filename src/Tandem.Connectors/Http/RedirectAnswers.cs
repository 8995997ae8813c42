namespace Tandem.Connectors.Http;

/// <summary>
/// Tandem never follows a redirect: an app that answers one fails the request with a clear error, so a URL the user
/// gave cannot bounce Tandem to an address the network guard would not have been asked about. A caller that reads the
/// redirect itself and checks where it points (CardDAV discovery) marks its request.
/// </summary>
public static class RedirectAnswers
{
    private static readonly HttpRequestOptionsKey<bool> Key = new("Tandem.RedirectAnswerWanted");

    /// <summary>Lets a 3xx answer reach the caller instead of failing the request; nothing follows it.</summary>
    public static HttpRequestMessage PassToCaller(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(Key, true);
        return request;
    }

    internal static bool WantedBy(HttpRequestMessage request) => request.Options.TryGetValue(Key, out var wanted) && wanted;
}
