using Microsoft.Extensions.Options;
using Tandem.Connectors.Catalog;
using Tandem.Sandbox.Pipedrive;
using Tandem.Web.Sandbox;

namespace Tandem.Web.OAuth;

/// <summary>
/// The apps a user can authorise through the provider's consent page: those with an operator client in
/// <c>Tandem:OAuth:{app}</c>, else those whose sandbox runs beside the server (its demo client, its own endpoints).
/// </summary>
public sealed class OAuthApps(IOptionsMonitor<OAuthAppOptions> options, HostedSandboxes sandbox, ConnectorCatalog catalog)
{
    /// <summary>The app with its client, or null when it has no consent page Tandem can open.</summary>
    public OAuthApp? Find(string app)
    {
        if (OAuthProviders.Find(app) is not { } provider)
        {
            return null;
        }

        var configured = options.Get(app);
        if (!string.IsNullOrWhiteSpace(configured.ClientId) && !string.IsNullOrWhiteSpace(configured.ClientSecret))
        {
            return new OAuthApp(provider, configured.ClientId.Trim(), configured.ClientSecret.Trim(), configured.AuthorizeUrl ?? provider.AuthorizeUrl, configured.TokenUrl ?? provider.TokenUrl, new Dictionary<string, string>());
        }

        return sandbox.Find(app) is { } running ? FromSandbox(provider, running) : null;
    }

    /// <summary>True when <paramref name="app"/> can be authorised through its consent page.</summary>
    public bool Offers(string app) => Find(app) is not null;

    /// <summary>
    /// The settings the user gives before leaving for the consent page: required, not secret, and neither filled by
    /// the flow nor by the sandbox (a real Mailchimp account's audience).
    /// </summary>
    public IReadOnlyList<SettingField> AskedBeforeConsent(string app)
    {
        if (Find(app) is not { } client)
        {
            return [];
        }

        return catalog.Get(client.Provider.App).Descriptor.Settings
            .Where(s => s.IsRequired && !s.IsSecret && !client.Provider.Fills.Contains(s.Key) && !client.SandboxValues.ContainsKey(s.Key))
            .ToList();
    }

    /// <summary>True when the connector's settings hold the token the consent page would fill, so it can be pasted instead.</summary>
    public bool AllowsPastedValues(string app)
    {
        if (OAuthProviders.Find(app) is not { } provider)
        {
            return true;
        }

        var keys = catalog.Get(app).Descriptor.Settings.Where(s => s.IsSecret).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        return provider.Fills.Any(keys.Contains);
    }

    private OAuthApp? FromSandbox(OAuthProvider provider, HostedSandbox running)
    {
        var values = running.Values;
        var root = running.Host.BaseUri;
        var (clientId, clientSecret, authorize, token) = provider.App switch
        {
            // Google's sandbox serves Google's paths on its own host and names its consent page.
            "google-contacts" => (values.GetValueOrDefault("clientId"), values.GetValueOrDefault("clientSecret"),
                values.GetValueOrDefault("authorizeUrl") ?? new Uri(root, "o/oauth2/v2/auth").ToString(), values.GetValueOrDefault("tokenUrl") ?? new Uri(root, "token").ToString()),

            // Mailchimp's sandbox serves login.mailchimp.com's paths on its own host.
            "mailchimp" => (values.GetValueOrDefault("oauthClientId"), values.GetValueOrDefault("oauthClientSecret"),
                new Uri(root, "oauth2/authorize").ToString(), new Uri(root, "oauth2/token").ToString()),

            // Pipedrive's sandbox serves oauth.pipedrive.com's paths on its own host; its demo client is in its options
            // (the settings it offers are the API token's).
            "pipedrive" when running.Host.App is PipedriveSandbox pipedrive => (pipedrive.Options.OAuthClientId, pipedrive.Options.OAuthClientSecret,
                new Uri(root, "oauth/authorize").ToString(), new Uri(root, "oauth/token").ToString()),
            _ => (null, null, null, null),
        };
        if (clientId is null || clientSecret is null || authorize is null || token is null)
        {
            return null;
        }

        var descriptor = catalog.Get(provider.App).Descriptor;
        var settings = descriptor.Settings.Where(s => !s.IsSecret).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var sandboxValues = values.Where(v => settings.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        return new OAuthApp(provider, clientId, clientSecret, new Uri(authorize), new Uri(token), sandboxValues);
    }
}
