using System.Collections.Immutable;
using System.Globalization;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using Tandem.Sandbox.Workbooks;

namespace Tandem.Connectors.Workbooks.Tests;

/// <summary>A login.api session instead of the API key: the cookie, the authenticity token on writes, a new login when the session ends, the database choice.</summary>
public sealed class WorkbooksSessionTests : IAsyncLifetime
{
    private readonly WorkbooksSandboxFixture fixture = new(new WorkbooksSandboxOptions { SeedPeople = 30, Databases = [new(3, "Demo Ltd"), new(7, "Demo Holdings")] });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await fixture.StartAsync(Ct);

    public async ValueTask DisposeAsync() => await fixture.DisposeAsync();

    [Fact]
    public async Task A_login_that_reaches_several_databases_asks_which_one_by_name()
    {
        await using var connector = fixture.Connect(fixture.LoginSettings());

        var error = await Assert.ThrowsAsync<ConnectorException>(() => connector.GetSchemaAsync(Ct));

        Assert.Equal("Your Workbooks login reaches several databases: Demo Ltd (3), Demo Holdings (7). Put the number of the one to sync in the setting Database.", error.Message);
        Assert.True(error.IsAuthorizationFailure);
    }

    [Fact]
    public async Task The_databases_a_login_reaches_are_offered_to_pick_from_by_name()
    {
        await using var connector = fixture.Connect(fixture.LoginSettings());

        var choices = await Assert.IsAssignableFrom<ISettingChoices>(connector).ListChoicesAsync("databaseId", Ct);

        Assert.Equal([new SettingChoice("3", "Demo Ltd"), new SettingChoice("7", "Demo Holdings")], choices);
    }

    [Fact]
    public async Task A_database_named_as_the_form_lists_it_is_opened_and_one_the_login_does_not_reach_is_refused_with_the_names()
    {
        var named = fixture.LoginSettings("demo holdings");
        var unknown = fixture.LoginSettings("Demo Limited");
        await using var connector = fixture.Connect(named);
        await using var wrong = fixture.Connect(unknown);
        var descriptor = new WorkbooksConnectorFactory().Descriptor;

        await SettingChoicesCheck.CheckAsync(descriptor, connector, named.Values, Ct);
        _ = await connector.GetSchemaAsync(Ct);
        var refused = await Assert.ThrowsAsync<ConnectorSettingsException>(() => SettingChoicesCheck.CheckAsync(descriptor, wrong, unknown.Values, Ct));
        var login = await Assert.ThrowsAsync<ConnectorSettingsException>(() => wrong.GetSchemaAsync(Ct));

        Assert.Equal("The setting Database must be one of those Workbooks offers: Demo Ltd, Demo Holdings.", refused.Message);
        Assert.Equal("The setting Database must be one of the databases your Workbooks login reaches: Demo Ltd, Demo Holdings.", login.Message);
    }

    [Fact]
    public async Task A_session_reads_and_writes_with_its_token_and_logs_in_again_once_it_ends()
    {
        await using var connector = fixture.Connect(fixture.LoginSettings("7"));
        var id = fixture.Sandbox.PersonIds()[0].ToString(CultureInfo.InvariantCulture);
        var read = Assert.Single(await connector.GetAsync([id], Ct));

        fixture.Sandbox.ExpireSessions();
        var updated = Assert.Single(await connector.WriteAsync([new UpdateOperation("u1", id, read.Version) { Changes = [new FieldChange("title", Values.Text("Session writer"))] }], Ct));
        var created = Assert.Single(await connector.WriteAsync([new CreateOperation("c1", "ref-session", ImmutableDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("name.last", (FieldValue)Values.Text("Logged"))]), ImmutableSortedSet<string>.Empty)], Ct));

        Assert.True(updated.Succeeded, updated.Reason);
        Assert.True(created.Succeeded, created.Reason);
        Assert.Equal("Session writer", updated.Record!.Get("title")?.Canonical);
        Assert.Equal(2, fixture.Sandbox.Logins);
    }

    [Fact]
    public async Task A_wrong_password_is_an_authorisation_failure_for_the_account()
    {
        var values = fixture.LoginSettings("3").Values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        values["password"] = "wrong";
        await using var connector = fixture.Connect(new(values));

        var error = await Assert.ThrowsAnyAsync<ConnectorException>(() => connector.GetSchemaAsync(Ct));

        Assert.True(error.IsAuthorizationFailure);
        Assert.Contains("unrecognised_name_or_password", error.Message, StringComparison.Ordinal);
    }
}
