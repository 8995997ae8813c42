using Tandem.Connectors.Catalog;
using Tandem.Connectors.Http;
using Tandem.Sandbox;

namespace Tandem.Apps.Tests;

/// <summary>The composition root: one line per app, each sandbox with its app, and the stored setting keys as they were.</summary>
public sealed class AppCatalogTests
{
    private static readonly AppCatalog Catalog = AppCatalog.Create();

    [Fact]
    public void Every_sandbox_of_Tandem_Sandbox_is_registered_with_the_catalogue_app_of_its_key()
    {
        var simulators = typeof(SandboxApp).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ISandboxApp).IsAssignableFrom(t))
            .ToList();
        var registered = Catalog.Sandboxes.Select(s => s.Create()).ToList();
        try
        {
            Assert.NotEmpty(simulators);
            Assert.All(simulators, t => Assert.True(registered.Any(r => r.GetType() == t), $"{t.Name} is not the sandbox of any app in AppCatalog.Create."));
            Assert.All(Catalog.Modules.Where(m => m.Sandbox is not null), m => Assert.Equal(m.App, m.Sandbox!.App));
            Assert.All(registered, r => Assert.Contains(Catalog.Modules, m => m.App == r.App && m.Sandbox is not null));
        }
        finally
        {
            foreach (var instance in registered.OfType<IDisposable>())
            {
                instance.Dispose();
            }
        }
    }

    [Fact]
    public void A_sandbox_registered_with_another_app_is_refused()
    {
        var pipedrive = Catalog.Modules.Single(m => m.App == "pipedrive");
        var google = Catalog.Modules.Single(m => m.App == "google-contacts");

        var error = Assert.Throws<ArgumentException>(() => new AppCatalog([pipedrive with { Sandbox = google.Sandbox }]));

        Assert.StartsWith("The sandbox 'google-contacts' is registered with the app 'pipedrive'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sandboxes_start_in_the_order_their_ports_were_documented()
    {
        Assert.Equal(["google-contacts", "pipedrive", "mailchimp", "pipeliner", "workbooks", "salesmate", "woodpecker", "wooxy", "hubspot"], Catalog.Sandboxes.Select(s => s.App));
    }

    [Theory]
    [InlineData("vcard-folder", "path*, defaultRegion")]
    [InlineData("carddav", "url*, username*, password*!, addressBook, changeFeed, defaultRegion")]
    [InlineData("google-contacts", "clientId*, clientSecret*!, refreshToken*!, defaultRegion, baseUrl, tokenUrl")]
    [InlineData("pipedrive", "apiToken!, clientId, clientSecret!, refreshToken!, companyDomain, baseUrl, tokenUrl")]
    [InlineData("mailchimp", "apiKey!, accessToken!, audienceId*, newMemberStatus, baseUrl, loginUrl")]
    [InlineData("pipeliner", "apiToken*, apiPassword*!, spaceId*, serviceUrl, ownerId, salesUnitId, defaultRegion")]
    [InlineData("workbooks", "apiKey!, username, password!, databaseId, baseUrl")]
    [InlineData("salesmate", "linkName*, accessToken!, accessKey, secretKey!, sessionKey!, ownerId, baseUrl")]
    [InlineData("wooxy", "accessToken*!, domain*, contactList, defaultRegion, baseUrl")]
    [InlineData("hubspot", "accessToken!, clientId, clientSecret!, refreshToken!, defaultRegion, baseUrl, tokenUrl")]
    [InlineData("in-memory", "app*")]
    public void Every_app_keeps_the_setting_keys_accounts_and_set_up_files_are_stored_with(string app, string expected)
    {
        // * required, ! secret: as the forms were declared before the settings classes, so stored accounts still read.
        var fields = Catalog.Connectors.Get(app).Descriptor.Settings;

        Assert.Equal(expected, string.Join(", ", fields.Select(f => f.Key + (f.IsRequired ? "*" : string.Empty) + (f.IsSecret ? "!" : string.Empty))));
    }

    [Fact]
    public void A_consent_fills_only_settings_the_connector_marks_as_filled_by_consent()
    {
        var withConsent = Catalog.Connectors.Apps.Where(a => a.OAuth is not null).ToList();
        Assert.Equal(["google-contacts", "hubspot", "mailchimp", "pipedrive"], withConsent.Select(a => a.App).Order(StringComparer.Ordinal));
        foreach (var app in withConsent)
        {
            // Endpoints other than the provider's own, as a sandbox's, so every optional setting the grant can fill is filled.
            var grant = new OAuthGrant("client", "secret", new Uri("http://127.0.0.1:9/consent"), new Uri("http://127.0.0.1:9/token"), new OAuthTokens("access", DateTimeOffset.UnixEpoch, "refresh"));

            var filled = app.OAuth!.Settings(grant).Keys;

            var allowed = app.Settings.Where(s => s.IsFilledByConsent).Select(s => s.Key).ToList();
            Assert.NotEmpty(filled);
            Assert.All(filled, key => Assert.True(allowed.Contains(key), $"{app.App}'s consent fills '{key}', which is not marked FilledByConsent."));
        }
    }

    [Fact]
    public void A_grant_without_the_refresh_token_a_connector_lives_on_is_refused_in_words()
    {
        var grant = new OAuthGrant("client", "secret", new Uri("http://127.0.0.1:9/consent"), new Uri("http://127.0.0.1:9/token"), new OAuthTokens("access", DateTimeOffset.UnixEpoch, RefreshToken: null));

        var google = Assert.Throws<Tandem.Connectors.Contract.ConnectorException>(() => Catalog.Connectors.Get("google-contacts").Descriptor.OAuth!.Settings(grant));
        var mailchimp = Catalog.Connectors.Get("mailchimp").Descriptor.OAuth!.Settings(grant);

        Assert.Equal("Google issued no refresh token, so Tandem could not keep the account connected; authorise it again.", google.Message);
        Assert.Equal("access", mailchimp["accessToken"]);
    }
}
