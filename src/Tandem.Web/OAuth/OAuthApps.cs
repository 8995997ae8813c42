using Microsoft.Extensions.Options;
using Tandem.Connectors.Catalog;
using Tandem.Sandbox;
using Tandem.Web.Sandbox;

namespace Tandem.Web.OAuth;

/// <summary>
/// The apps a user can authorise through the provider's consent page: those whose connector describes one
/// (<see cref="ConnectorDescriptor.OAuth"/>) and that have an operator client in <c>Tandem:OAuth:{app}</c>, else a
/// sandbox running beside the server that simulates the consent page (its demo client, its own endpoints).
/// </summary>
public sealed class OAuthApps(IOptionsMonitor<OAuthAppOptions> options, HostedSandboxes sandbox, ConnectorCatalog catalog)
{
    /// <summary>The app with its client, or null when it has no consent page Tandem can open.</summary>
    public OAuthApp? Find(string app)
    {
        if (Describe(app) is not { OAuth: { } provider } descriptor)
        {
            return null;
        }

        var configured = options.Get(descriptor.App);
        if (!string.IsNullOrWhiteSpace(configured.ClientId) && !string.IsNullOrWhiteSpace(configured.ClientSecret))
        {
            return new OAuthApp(descriptor.App, provider, configured.ClientId.Trim(), configured.ClientSecret.Trim(), configured.AuthorizeUrl ?? provider.AuthorizeUrl, configured.TokenUrl ?? provider.TokenUrl, new Dictionary<string, string>());
        }

        return sandbox.Find(descriptor.App) is { OAuth: { } demo } running ? FromSandbox(descriptor, provider, running, demo) : null;
    }

    /// <summary>True when <paramref name="app"/> can be authorised through its consent page.</summary>
    public bool Offers(string app) => Find(app) is not null;

    /// <summary>
    /// The settings the user gives before leaving for the consent page: required, not secret, and neither filled by
    /// the flow nor by the sandbox (an audience of a real account).
    /// </summary>
    public IReadOnlyList<SettingField> AskedBeforeConsent(string app)
    {
        if (Find(app) is not { } client)
        {
            return [];
        }

        return catalog.Get(client.App).Descriptor.Settings
            .Where(s => s.IsRequired && !s.IsSecret && !s.IsFilledByConsent && !client.SandboxValues.ContainsKey(s.Key))
            .ToList();
    }

    /// <summary>True when the connector's settings hold the token the consent page would fill, so it can be pasted instead.</summary>
    public bool AllowsPastedValues(string app) =>
        Describe(app) is not { OAuth: not null } descriptor || descriptor.Settings.Any(s => s.IsSecret && s.IsFilledByConsent);

    private ConnectorDescriptor? Describe(string app) =>
        catalog.Apps.FirstOrDefault(d => string.Equals(d.App, app, StringComparison.Ordinal));

    private static OAuthApp FromSandbox(ConnectorDescriptor descriptor, OAuthDescription provider, HostedSandbox running, SandboxOAuthClient demo)
    {
        var settings = descriptor.Settings.Where(s => !s.IsSecret).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var sandboxValues = running.Values.Where(v => settings.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        return new OAuthApp(descriptor.App, provider, demo.ClientId, demo.ClientSecret, demo.AuthorizeUrl, demo.TokenUrl, sandboxValues);
    }
}
