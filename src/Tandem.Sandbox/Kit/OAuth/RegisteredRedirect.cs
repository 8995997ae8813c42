namespace Tandem.Sandbox.Kit.OAuth;

/// <summary>
/// Whether a <c>redirect_uri</c> is one the client registered: the same scheme, host, path and query, compared exactly.
/// The port is ignored only for a loopback IP address (127.0.0.1, [::1]), as RFC 8252 §7.3 asks of servers for native
/// apps: Tandem's callback is on 127.0.0.1 with whatever port it runs on. Anything else is refused, so the consent page
/// can never redirect somewhere the client did not register (no open redirect).
/// </summary>
internal static class RegisteredRedirect
{
    public static bool IsRegistered(IReadOnlyList<Uri> registered, string? given)
    {
        ArgumentNullException.ThrowIfNull(registered);
        if (!Uri.TryCreate(given, UriKind.Absolute, out var redirect) || redirect.Fragment.Length > 0 || redirect.UserInfo.Length > 0)
        {
            return false;
        }

        return registered.Any(r => Matches(r, redirect));
    }

    private static bool Matches(Uri registered, Uri redirect)
    {
        var parts = UriComponents.Scheme | UriComponents.Host | UriComponents.PathAndQuery;
        if (Uri.Compare(registered, redirect, parts, UriFormat.UriEscaped, StringComparison.Ordinal) != 0)
        {
            return false;
        }

        return registered.Port == redirect.Port || (registered.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && registered.IsLoopback);
    }
}
