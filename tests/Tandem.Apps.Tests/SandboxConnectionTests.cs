using Tandem.Connectors.Catalog;
using Tandem.Sandbox;

namespace Tandem.Apps.Tests;

/// <summary>What each sandbox says to connect with does connect its app's connector.</summary>
public sealed class SandboxConnectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Sandboxes => [.. AppCatalog.Create().Sandboxes.Select(s => s.App)];

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

            await using var connector = module.Connector.Create(new AccountSettings(settings), ConnectorContext.Default);
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
