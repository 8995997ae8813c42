using Microsoft.Extensions.Time.Testing;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.InMemory;
using Tandem.Domain.Configuration;
using Tandem.Runtime.Setup;

namespace Tandem.Runtime.Tests.Setup;

/// <summary>A set-up file's connections go through the validator the web app uses, against each account's own app, before anything is written.</summary>
public sealed class SetupConnectionCheckTests
{
    private readonly InMemoryAppRegistry apps = new();
    private readonly SetupConnectionCheck check;

    public SetupConnectionCheckTests()
    {
        apps.Add(new InMemoryApp(new InMemoryAppOptions { Name = "crm" }));
        apps.Add(new InMemoryApp(new InMemoryAppOptions { Name = "news", Capabilities = InMemoryCapabilities.Marketing }));
        check = new SetupConnectionCheck(new ConnectorCatalog([new InMemoryConnectorFactory(apps)]), new ConnectorContext(new FakeTimeProvider(), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static bool All(SetupConnection connection) => true;

    [Fact]
    public async Task A_connection_both_apps_support_passes()
    {
        await check.CheckAsync(File(new ConnectionSettings { Direction = SyncDirection.AToB }), All, Ct);
    }

    [Fact]
    public async Task A_condition_the_accounts_own_app_does_not_offer_is_refused_naming_the_connection_and_the_problem()
    {
        // The catalogue's in-memory entry offers "gets deleted"; this account's app (a marketing tool) does not.
        var settings = new ConnectionSettings
        {
            RulesB = [new Rule { Id = "leavers", Filters = [new Filter(FilterKind.GetsDeleted)], Actions = [new RuleAction(ActionKind.AddTag, Value: "Gone")] }],
        };

        var refused = await Assert.ThrowsAsync<SetupFileException>(() => check.CheckAsync(File(settings), All, Ct));

        Assert.Equal(
            "setup.json: $.connections[0]: connection 'crm-news' cannot be saved. Rules of In-memory app (side B): rule “leavers” tests “gets deleted”, "
            + "which In-memory app does not offer; it offers “a field is”, “has tag”, “does not have tag”, “is subscribed”, “is unsubscribed”, “already exists in In-memory app”.",
            refused.Message);
    }

    [Fact]
    public async Task Several_problems_are_counted_and_all_listed()
    {
        var settings = new ConnectionSettings { ContactType = "leads", Options = new SyncOptions { DeletionGuardMinimum = -1 } };

        var refused = await Assert.ThrowsAsync<SetupFileException>(() => check.CheckAsync(File(settings), All, Ct));

        Assert.Equal(
            "setup.json: $.connections[0]: connection 'crm-news' cannot be saved. 2 problems: The contact type 'leads' is not offered by both apps; use 'contacts'. "
            + "The deletion guard minimum cannot be negative.",
            refused.Message);
    }

    [Fact]
    public async Task An_account_whose_fields_cannot_be_read_is_named_with_the_apps_reason()
    {
        var file = File(new ConnectionSettings(), newsApp: "no-such-app");

        var refused = await Assert.ThrowsAsync<SetupFileException>(() => check.CheckAsync(file, All, Ct));

        Assert.Equal("setup.json: $.connections[0]: the fields of account 'news' cannot be read: The setting “App name” (app) names no registered in-memory app.", refused.Message);
    }

    [Fact]
    public async Task A_connection_left_out_is_not_checked_and_its_accounts_are_not_read()
    {
        var file = File(new ConnectionSettings { ContactType = "leads" }, newsApp: "no-such-app");

        await check.CheckAsync(file, _ => false, Ct);
    }

    private static SetupFile File(ConnectionSettings settings, string newsApp = "news") =>
        new(
            "setup.json",
            [Account("crm", "crm"), Account("news", newsApp)],
            [new SetupConnection("crm-news", "crm", "news", settings)]);

    private static SetupAccount Account(string name, string app) =>
        new(name, InMemoryConnectorFactory.AppKey, new Dictionary<string, string> { [InMemoryConnectorFactory.AppSetting] = app }, new Dictionary<string, string>());
}
