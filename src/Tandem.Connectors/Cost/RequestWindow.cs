namespace Tandem.Connectors.Cost;

/// <summary>
/// A vendor's short rate limit: at most <paramref name="Limit"/> requests of a kind per <paramref name="Period"/> (Google's
/// reads per minute per user, Pipedrive's requests per rolling 2 seconds). Tandem keeps every account's calls within it
/// before sending them, rather than learning it from 429s.
/// </summary>
/// <param name="Name">What the window limits, in words ("reads per minute").</param>
/// <param name="Limit">Requests allowed in any stretch of <paramref name="Period"/>.</param>
/// <param name="Period">The window's length.</param>
public sealed record RequestWindow(string Name, int Limit, TimeSpan Period)
{
    /// <summary>Whether a call (its method and path, no query) counts against the window; every call unless set.</summary>
    public Func<HttpMethod, string, bool> Counts { get; init; } = static (_, _) => true;

    /// <summary>A window for reads (GET) only.</summary>
    public static RequestWindow Reads(string name, int limit, TimeSpan period) => new(name, limit, period) { Counts = static (method, _) => method == HttpMethod.Get };

    /// <summary>A window for writes (anything but GET) only.</summary>
    public static RequestWindow Writes(string name, int limit, TimeSpan period) => new(name, limit, period) { Counts = static (method, _) => method != HttpMethod.Get };
}
