namespace Tandem.Connectors.GoogleContacts.Internal;

/// <summary>
/// Google names an instant-messaging account by protocol and user name; vCard's IMPP by a URI. The shared form is the
/// URI (RFC 4770 and the schemes address books write), so the same account reads the same in both apps.
/// </summary>
internal static class ImProtocols
{
    private static readonly (string Protocol, string Scheme)[] Known =
    [
        ("googleTalk", "xmpp"), ("jabber", "xmpp"), ("skype", "skype"), ("aim", "aim"), ("yahoo", "ymsgr"),
        ("msn", "msnim"), ("icq", "icq"), ("qq", "qq"), ("netMeeting", "callto"),
    ];

    public static string? Uri(string? protocol, string? username)
    {
        if (string.IsNullOrWhiteSpace(username))
        {
            return null;
        }

        var name = protocol ?? "jabber";
        var scheme = Known.FirstOrDefault(k => string.Equals(k.Protocol, name, StringComparison.OrdinalIgnoreCase)).Scheme
            ?? new string(name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
        return scheme + ":" + username.Trim();
    }

    public static (string Protocol, string Username) Split(string uri)
    {
        var colon = uri.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return ("jabber", uri);
        }

        var scheme = uri[..colon];
        var protocol = Known.FirstOrDefault(k => string.Equals(k.Scheme, scheme, StringComparison.OrdinalIgnoreCase)).Protocol ?? scheme;
        return (protocol, uri[(colon + 1)..]);
    }
}
