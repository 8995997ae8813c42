using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.Kit.OAuth;

/// <summary>Reads the client id and secret from a token request, in the way the vendor takes them.</summary>
internal static class ClientCredentials
{
    public static (string? Id, string? Secret) Read(HttpRequest request, IFormCollection form, ClientAuthentication style)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(form);
        var basic = Basic(request);
        return style switch
        {
            ClientAuthentication.Basic => basic ?? (null, null),
            ClientAuthentication.FormBody => (form["client_id"].FirstOrDefault(), form["client_secret"].FirstOrDefault()),
            _ => basic ?? (form["client_id"].FirstOrDefault(), form["client_secret"].FirstOrDefault()),
        };
    }

    /// <summary>HTTP Basic credentials (each part form-encoded, RFC 6749 §2.3.1), or null when none or unreadable.</summary>
    private static (string? Id, string? Secret)? Basic(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is not { } encoded)
        {
            return null;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(encoded)).Split(':', 2);
            return pair.Length == 2 ? (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1])) : (null, null);
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }
}
