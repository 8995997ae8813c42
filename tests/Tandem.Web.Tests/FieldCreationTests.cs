using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Connectors.InMemory;
using Tandem.Domain.Fields;
using Tandem.Runtime.Hosting;
using Tandem.Storage.Accounts;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests;

/// <summary>
/// A target field created on the spot (PRODUCT.md §5) through POST /accounts/{id}/fields, against an in-memory app that
/// can create fields (the web catalogue hides that app, so its accounts are put in the store as an operator would).
/// </summary>
public abstract class FieldCreationTests<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ServerFixture
{
    [Fact]
    public async Task A_created_field_is_in_the_apps_schema_and_listed_with_the_accounts_fields()
    {
        using var user = await server.NewUserAsync();
        var (account, app) = await InMemoryAccountAsync(user);
        var before = (await user.GetAsync($"api/v1/accounts/{account}/fields")).Expect(HttpStatusCode.OK);
        Assert.Equal(["Text", "Number", "Boolean", "Date", "DateTime", "SingleChoice", "MultipleChoice"], before["creatableTypes"]!.AsArray().Select(t => t!.GetValue<string>()));

        var created = (await user.PostAsync($"api/v1/accounts/{account}/fields", new { label = " Favourite colour ", type = "SingleChoice", options = new[] { "Red", "Green" } }))
            .Expect(HttpStatusCode.Created);

        var key = created["key"]!.GetValue<string>();
        Assert.Equal("Favourite colour", created["label"]!.GetValue<string>());
        Assert.Equal("SingleChoice", created["type"]!.GetValue<string>());
        Assert.True(created["isCustom"]!.GetValue<bool>());
        Assert.Equal(["Red", "Green"], created["options"]!.AsArray().Select(o => o!["label"]!.GetValue<string>()));
        var inApp = Assert.Single(app.Schema.Fields, f => f.Key == key);
        Assert.Equal(FieldType.SingleChoice, inApp.Type);
        var listed = (await user.GetAsync($"api/v1/accounts/{account}/fields")).Expect(HttpStatusCode.OK)["fields"]!.AsArray();
        Assert.Contains(listed, f => f!["key"]!.GetValue<string>() == key && f["label"]!.GetValue<string>() == "Favourite colour");
    }

    [Fact]
    public async Task Another_users_account_is_not_found_and_nothing_is_created()
    {
        using var owner = await server.NewUserAsync();
        using var stranger = await server.NewUserAsync();
        var (account, app) = await InMemoryAccountAsync(owner);
        var fields = app.Schema.Fields.Count;

        var answer = await stranger.PostAsync($"api/v1/accounts/{account}/fields", new { label = "Sneaky", type = "Text" });

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal(fields, app.Schema.Fields.Count);
        Assert.DoesNotContain(app.Schema.Fields, f => f.Label == "Sneaky");
    }

    [Fact]
    public async Task A_bad_type_is_refused_naming_the_types_the_app_can_create_and_nothing_is_created()
    {
        using var user = await server.NewUserAsync();
        var (account, app) = await InMemoryAccountAsync(user);
        var fields = app.Schema.Fields.Count;

        var unknown = await user.PostAsync($"api/v1/accounts/{account}/fields", new { label = "Colour", type = "Colour" });
        var notOffered = await user.PostAsync($"api/v1/accounts/{account}/fields", new { label = "Home", type = "Address" });
        var number = await user.PostAsync($"api/v1/accounts/{account}/fields", new { label = "Colour", type = "3" });

        Assert.All(new[] { unknown, notOffered, number }, a => Assert.Equal(HttpStatusCode.BadRequest, a.Status));
        Assert.Contains("“Colour” is not a type of field Tandem can create in In-memory app; choose one of Text, Number, Boolean, Date, DateTime, SingleChoice, MultipleChoice.", unknown.Detail, StringComparison.Ordinal);
        Assert.Contains("“Address” is not a type of field Tandem can create", notOffered.Detail, StringComparison.Ordinal);
        Assert.Contains("“3” is not a type of field", number.Detail, StringComparison.Ordinal);
        Assert.Equal(fields, app.Schema.Fields.Count);
    }

    [Fact]
    public async Task Bad_names_and_options_are_refused_each_with_its_reason_and_nothing_is_created()
    {
        using var user = await server.NewUserAsync();
        var (account, app) = await InMemoryAccountAsync(user);
        var fields = app.Schema.Fields.Count;

        var noName = await user.PostAsync($"api/v1/accounts/{account}/fields", new { label = "  ", type = "Text" });
        var noOptions = await user.PostAsync($"api/v1/accounts/{account}/fields", new { label = "Size", type = "MultipleChoice", options = Array.Empty<string>() });
        var twice = await user.PostAsync($"api/v1/accounts/{account}/fields", new { label = "Size", type = "SingleChoice", options = new[] { "S", "s" } });
        var optionsOnText = await user.PostAsync($"api/v1/accounts/{account}/fields", new { label = "Size", type = "Text", options = new[] { "S" } });
        var taken = await user.PostAsync($"api/v1/accounts/{account}/fields", new { label = "job title", type = "Text" });
        var misspelt = await user.PostAsync($"api/v1/accounts/{account}/fields", new { label = "Size", type = "Text", colour = "red" });

        Assert.Equal(HttpStatusCode.BadRequest, noName.Status);
        Assert.Contains("Give the new field a name.", noName.Detail, StringComparison.Ordinal);
        Assert.Contains("A choice field needs at least one option.", noOptions.Detail, StringComparison.Ordinal);
        Assert.Contains("The option “S” is listed twice.", twice.Detail, StringComparison.Ordinal);
        Assert.Contains("Only a choice field has options; a Text field takes none.", optionsOnText.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, taken.Status);
        Assert.Contains("already has a field named “job title”", taken.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, misspelt.Status);
        Assert.Equal(fields, app.Schema.Fields.Count);
    }

    [Fact]
    public async Task An_app_that_cannot_create_fields_is_refused_in_words()
    {
        using var user = await server.NewUserAsync();
        var google = (await user.PostAsync("api/v1/accounts", new { app = "google-contacts", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var (noCreate, _) = await InMemoryAccountAsync(user, creatable: []);

        var answer = await user.PostAsync($"api/v1/accounts/{google}/fields", new { label = "Shoe size", type = "Text" });
        var inMemory = await user.PostAsync($"api/v1/accounts/{noCreate}/fields", new { label = "Shoe size", type = "Text" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("Tandem cannot create fields in Google Contacts: its connector does not offer it. Add the field in Google Contacts, then refresh the fields.", answer.Detail);
        Assert.Empty((await user.GetAsync($"api/v1/accounts/{google}/fields")).Expect(HttpStatusCode.OK)["creatableTypes"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, inMemory.Status);
        Assert.Contains("Tandem cannot create fields in In-memory app", inMemory.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Variable_matching_offers_creation_where_the_target_can_and_a_created_field_becomes_a_candidate()
    {
        using var user = await server.NewUserAsync();
        var pipedrive = (await user.PostAsync("api/v1/accounts", new { app = "pipedrive", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var (target, _) = await InMemoryAccountAsync(user);
        var request = new { accountA = pipedrive, accountB = target, direction = "AToB" };
        var table = (await user.PostAsync("api/v1/mappings/variables", request)).Expect(HttpStatusCode.OK);
        Assert.True(table["canCreateFields"]!.GetValue<bool>());
        Assert.Null(table["createFieldsReason"]);
        Assert.Contains("DateTime", table["creatableTypes"]!.AsArray().Select(t => t!.GetValue<string>()));

        var key = (await user.PostAsync($"api/v1/accounts/{target}/fields", new { label = "Pipedrive score", type = "Number" })).Expect(HttpStatusCode.Created)["key"]!.GetValue<string>();

        var rows = (await user.PostAsync("api/v1/mappings/variables", request)).Expect(HttpStatusCode.OK)["rows"]!.AsArray();
        var score = rows.Single(r => r!["sourceLabel"]!.GetValue<string>() == "Score")!;
        Assert.Contains(key, score["candidates"]!.AsArray().Select(c => c!["key"]!.GetValue<string>()));
        var matched = (await user.PostAsync("api/v1/mappings/variables", new
        {
            accountA = pipedrive,
            accountB = target,
            direction = "AToB",
            choices = new object[] { new { source = "$name", target = "$name" }, new { source = score["source"]!.GetValue<string>(), target = key } },
        })).Expect(HttpStatusCode.OK)["rows"]!.AsArray();
        Assert.Equal(key, matched.Single(r => r!["sourceLabel"]!.GetValue<string>() == "Score")!["target"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_field_created_in_pipedrive_is_listed_with_its_fields_and_a_name_in_use_is_refused()
    {
        using var user = await server.NewUserAsync();
        var pipedrive = (await user.PostAsync("api/v1/accounts", new { app = "pipedrive", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var label = $"Shoe size {Guid.NewGuid():N}"[..20];
        Assert.Contains("Text", (await user.GetAsync($"api/v1/accounts/{pipedrive}/fields")).Expect(HttpStatusCode.OK)["creatableTypes"]!.AsArray().Select(t => t!.GetValue<string>()));

        var created = (await user.PostAsync($"api/v1/accounts/{pipedrive}/fields", new { label, type = "Text" })).Expect(HttpStatusCode.Created);
        var again = await user.PostAsync($"api/v1/accounts/{pipedrive}/fields", new { label, type = "Text" });

        var key = created["key"]!.GetValue<string>();
        var listed = (await user.GetAsync($"api/v1/accounts/{pipedrive}/fields")).Expect(HttpStatusCode.OK)["fields"]!.AsArray();
        Assert.Single(listed, f => f!["key"]!.GetValue<string>() == key && f["label"]!.GetValue<string>() == label && f["type"]!.GetValue<string>() == "Text");
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Single(listed, f => f!["label"]!.GetValue<string>() == label);
    }

    [Fact]
    public async Task The_openapi_document_describes_field_creation()
    {
        server.SkipUnlessRunning();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var document = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("openapi/v1.json", TestContext.Current.CancellationToken))!;

        var post = document["paths"]!["/api/v1/accounts/{id}/fields"]!["post"]!;
        Assert.Contains("creatableTypes", post["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(post["requestBody"]);
        Assert.NotNull(post["responses"]!["201"]);
        Assert.NotNull(post["responses"]!["409"]);
    }

    private async Task<(string Account, InMemoryApp App)> InMemoryAccountAsync(ApiClient user, IReadOnlyList<FieldType>? creatable = null)
    {
        var name = $"web-fields-{Guid.NewGuid():N}";
        var app = InMemoryAppRegistry.Shared.Add(new InMemoryApp(new InMemoryAppOptions { Name = name, CreatableFieldTypes = creatable ?? new InMemoryAppOptions().CreatableFieldTypes }));
        app.CreatePerson("Ann", "Lee", "ann@example.com");
        var runtime = server.Server.Services.GetRequiredService<TandemRuntime>();
        var account = await runtime.Accounts.AddAsync(
            new NewAccount(user.UserId, InMemoryConnectorFactory.AppKey, name, new Dictionary<string, string> { [InMemoryConnectorFactory.AppSetting] = name }, new Dictionary<string, string>()),
            TestContext.Current.CancellationToken);
        return (account.Id, app);
    }
}

public sealed class SqliteFieldCreationTests(SqliteServer server) : FieldCreationTests<SqliteServer>(server);

public sealed class PostgresFieldCreationTests(PostgresServer server) : FieldCreationTests<PostgresServer>(server);
