using Tandem.Connectors.Catalog;
using Tandem.Sandbox;

namespace Tandem.Apps.Tests;

/// <summary>What each sandbox says to connect with does connect its app's connector.</summary>
public sealed class SandboxConnectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Sandboxes => [.. AppCatalog.Create().Sandboxes.Select(s => s.App)];

    [Theory]
    [InlineData("google-contacts", "authorizeUrl")]
    [InlineData("pipedrive", "")]
    [InlineData("mailchimp", "oauthClientId, oauthClientSecret")]
    [InlineData("workbooks", "")]
    public void Beside_the_few_values_printed_for_people_a_sandbox_gives_its_connector_s_own_setting_keys(string app, string printedOnly)
    {
        // The sandbox cannot see the connector's settings class: a key renamed on one side only shows here.
        var module = AppCatalog.Create().Modules.Single(m => m.App == app);
        var instance = module.Sandbox!.Create();
        try
        {
            var keys = module.Connector.Descriptor.Settings.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);

            var others = module.Sandbox.Connect(instance, new Uri("http://127.0.0.1:9/")).Values.Select(v => v.Key).Where(k => !keys.Contains(k));

            Assert.Equal(printedOnly, string.Join(", ", others));
        }
        finally
        {
            (instance as IDisposable)?.Dispose();
        }
    }

    [Theory]
    [MemberData(nameof(Sandboxes))]
    public async Task The_values_a_sandbox_gives_are_settings_its_connector_accepts_and_reads_with(string app)
    {
        var module = AppCatalog.Create().Modules.Single(m => m.App == app);
        var instance = module.Sandbox!.Create();
        try
        {
            await using var host = await SandboxHost.StartAsync(instance, 0, Ct);
            var connection = module.Sandbox.Connect(instance, host.BaseUri);
            var keys = module.Connector.Descriptor.Settings.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
            var settings = connection.Values.Where(v => keys.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

            await using var connector = module.Connector.Create(new AccountSettings(settings), ConnectorContext.Default.Allowing(host.BaseUri));
            var schema = await connector.GetSchemaAsync(Ct);

            Assert.NotEmpty(schema.Fields);
            Assert.Equal(module.Connector.Descriptor.OAuth is not null, connection.OAuth is not null);
            if (connection.OAuth is { } demo)
            {
                Assert.Equal(host.BaseUri.Authority, demo.AuthorizeUrl.Authority);
                Assert.Equal(host.BaseUri.Authority, demo.TokenUrl.Authority);
            }
        }
        finally
        {
            (instance as IDisposable)?.Dispose();
        }
    }
}
