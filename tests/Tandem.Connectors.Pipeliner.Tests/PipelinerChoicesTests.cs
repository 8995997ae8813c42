using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Testing;
using Tandem.Connectors.Testing.Specs;
using Tandem.Sandbox;
using Tandem.Sandbox.Pipeliner;

namespace Tandem.Connectors.Pipeliner.Tests;

/// <summary>The account form's pickers: the space's users and sales units, read with the API access alone.</summary>
public sealed class PipelinerChoicesTests : IAsyncLifetime
{
    private readonly OpenApiValidator validator = PipelinerOpenApi.CreateValidator();
    private readonly PipelinerSandbox sandbox = new(new PipelinerSandboxOptions { SeedContacts = 5 });
    private SandboxHost? host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => host = await SandboxHost.StartAsync(sandbox, port: 0, validator.Observe, Ct);

    public async ValueTask DisposeAsync()
    {
        await host!.DisposeAsync();
        sandbox.Dispose();
        validator.AssertNoViolations();
    }

    [Fact]
    public async Task The_sales_units_and_users_of_the_space_are_offered_by_name_before_either_is_chosen()
    {
        await using var connector = Connect();
        var picker = Assert.IsAssignableFrom<ISettingChoices>(connector);

        var units = await picker.ListChoicesAsync("salesUnitId", Ct);
        var users = await picker.ListChoicesAsync("ownerId", Ct);

        Assert.Equal(PipelinerSandbox.SalesUnits.Select(u => new SettingChoice(u.Id, u.Name)).OrderBy(c => c.Label, StringComparer.CurrentCultureIgnoreCase), units);
        Assert.Equal(PipelinerSandbox.Clients.Select(u => (u.Id, u.Name)).OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase), users.Select(c => (c.Value, c.Label)));
        Assert.Equal(["max@sandbox.example", "olivia@sandbox.example", "sam@sandbox.example"], users.SelectMany(c => c.Aliases).Order());
    }

    [Fact]
    public async Task Without_a_user_picked_the_account_check_asks_for_one_by_name()
    {
        await using var connector = Connect();

        var refused = await Assert.ThrowsAsync<ConnectorSettingsException>(() => connector.GetSchemaAsync(Ct));

        Assert.StartsWith("The setting Your Pipeliner user must be one of this space's users: ", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sales_unit_typed_by_hand_that_the_space_lacks_is_refused_with_the_units_it_has_by_name()
    {
        var values = Values(("salesUnitId", "Antarctica"), ("ownerId", "Sam Sales"));
        await using var connector = Connect(values);

        var refused = await Assert.ThrowsAsync<ConnectorSettingsException>(() => SettingChoicesCheck.CheckAsync(new PipelinerConnectorFactory().Descriptor, connector, values, Ct));

        Assert.Equal($"The setting Sales unit must be one of those Pipeliner CRM offers: {string.Join(", ", PipelinerSandbox.SalesUnits.Select(u => u.Name).Order(StringComparer.CurrentCultureIgnoreCase))}.", refused.Message);
    }

    [Fact]
    public async Task A_user_named_by_email_and_a_sales_unit_by_its_name_in_another_case_are_accepted()
    {
        var values = Values(("salesUnitId", PipelinerSandbox.SalesUnits[1].Name.ToUpperInvariant()), ("ownerId", "sam@sandbox.example"));
        await using var connector = Connect(values);

        await SettingChoicesCheck.CheckAsync(new PipelinerConnectorFactory().Descriptor, connector, values, Ct);

        Assert.NotNull(await connector.GetSchemaAsync(Ct));
    }

    private Dictionary<string, string> Values(params (string Key, string Value)[] more)
    {
        var values = new Dictionary<string, string>
        {
            ["apiToken"] = sandbox.Options.ApiToken,
            ["apiPassword"] = sandbox.Options.ApiPassword,
            ["spaceId"] = sandbox.Options.SpaceId,
            ["serviceUrl"] = host!.BaseUri.ToString(),
        };
        foreach (var (key, value) in more)
        {
            values[key] = value;
        }

        return values;
    }

    private IContactConnector Connect(Dictionary<string, string> values) => new PipelinerConnectorFactory(TestRetries.Fast).Create(
        new AccountSettings(values), new ConnectorContext(TimeProvider.System, NullLoggerFactory.Instance).Allowing(host!.BaseUri));

    private IContactConnector Connect() => new PipelinerConnectorFactory(TestRetries.Fast).Create(
        new AccountSettings(new Dictionary<string, string>
        {
            ["apiToken"] = sandbox.Options.ApiToken,
            ["apiPassword"] = sandbox.Options.ApiPassword,
            ["spaceId"] = sandbox.Options.SpaceId,
            ["serviceUrl"] = host!.BaseUri.ToString(),
        }),
        new ConnectorContext(TimeProvider.System, NullLoggerFactory.Instance).Allowing(host.BaseUri));
}
