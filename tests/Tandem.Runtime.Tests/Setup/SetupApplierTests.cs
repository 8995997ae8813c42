using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.InMemory;
using Tandem.Domain.Configuration;
using Tandem.Runtime.Hosting;
using Tandem.Runtime.Setup;
using Tandem.Storage;

namespace Tandem.Runtime.Tests.Setup;

/// <summary>The applier checks a connection when it saves it, as the web app does: not when the file changes nothing.</summary>
public sealed class SetupApplierTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "tandem-setup-tests", Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_unchanged_file_reads_no_app_and_a_changed_one_is_checked_again()
    {
        var everything = new InMemoryAppRegistry();
        everything.Add(new InMemoryApp(new InMemoryAppOptions { Name = "crm" }));
        everything.Add(new InMemoryApp(new InMemoryAppOptions { Name = "news", Capabilities = InMemoryCapabilities.Marketing }));
        await using (var first = await OpenAsync(everything))
        {
            await first.SetupApplier.ApplyAsync(File(new ConnectionSettings()), Ct);
        }

        // The same database, but the "news" app cannot be opened any more (as when an app is down).
        var withoutNews = new InMemoryAppRegistry();
        withoutNews.Add(new InMemoryApp(new InMemoryAppOptions { Name = "crm" }));
        await using var runtime = await OpenAsync(withoutNews);

        var unchanged = await runtime.SetupApplier.ApplyAsync(File(new ConnectionSettings()), Ct);
        var changed = await Assert.ThrowsAsync<SetupFileException>(() => runtime.SetupApplier.ApplyAsync(File(new ConnectionSettings { Direction = SyncDirection.AToB }), Ct));

        Assert.Equal([SetupChange.Unchanged], unchanged.Connections.Select(c => c.Change));
        Assert.Equal("setup.json: $.connections[0]: the fields of account 'news' cannot be read: The setting “App name” (app) names no registered in-memory app.", changed.Message);
        var stored = Assert.Single(await runtime.Connections.ListByOwnerAsync(ownerId: null, Ct));
        Assert.Equal(SyncDirection.TwoWay, stored.Settings.Direction);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private Task<TandemRuntime> OpenAsync(InMemoryAppRegistry apps) =>
        TandemRuntime.OpenAsync(
            new RuntimeOptions
            {
                Database = new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(folder, "tandem.db")}" },
                Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)),
                Catalog = new ConnectorCatalog([new InMemoryConnectorFactory(apps)]),
            },
            Ct);

    private static SetupFile File(ConnectionSettings settings) =>
        new(
            "setup.json",
            [Account("crm"), Account("news")],
            [new SetupConnection("crm-news", "crm", "news", settings)]);

    private static SetupAccount Account(string app) =>
        new(app, InMemoryConnectorFactory.AppKey, new Dictionary<string, string> { [InMemoryConnectorFactory.AppSetting] = app }, new Dictionary<string, string>());
}
