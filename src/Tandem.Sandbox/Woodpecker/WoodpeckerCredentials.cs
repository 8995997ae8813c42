using System.Text;
using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.Woodpecker;

/// <summary>
/// The API key a request carries: the <c>x-api-key</c> header, or HTTP Basic with the key as user name and any password
/// (the legacy form, developers.woodpecker.co "Authentication" and the Swagger file's <c>basic-auth</c>).
/// </summary>
internal static class WoodpeckerCredentials
{
    public static string? Key(HttpRequest request)
    {
        if (request.Headers["x-api-key"].FirstOrDefault() is { Length: > 0 } key)
        {
            return key;
        }

        var authorization = request.Headers.Authorization.FirstOrDefault();
        const string Scheme = "Basic ";
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[Scheme.Length..].Trim()));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? pair : pair[..colon];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
