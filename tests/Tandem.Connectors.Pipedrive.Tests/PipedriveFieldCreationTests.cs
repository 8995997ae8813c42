using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Pipedrive;
using Tandem.Connectors.Testing.Specs;
using Tandem.Connectors.Testing;
using Tandem.Domain.Fields;
using Tandem.Sandbox;
using Tandem.Sandbox.Pipedrive;

namespace Tandem.Connectors.Pipedrive.Tests;

/// <summary>A custom person field created on the spot (<see cref="IFieldCreator"/>, v1 <c>POST /personFields</c>).</summary>
public sealed class PipedriveFieldCreationTests : IAsyncLifetime
{
    private readonly OpenApiValidator validator = PipedriveOpenApi.CreateValidator();
    private readonly PipedriveSandbox sandbox = new(new PipedriveSandboxOptions { SeedPersons = 5 });
    private SandboxHost? host;
    private HttpClient? http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        host = await SandboxHost.StartAsync(sandbox, port: 0, validator.Observe, Ct);
        http = new HttpClient { BaseAddress = host.BaseUri };
        http.DefaultRequestHeaders.Add("x-api-token", sandbox.Options.ApiToken);
    }

    public async ValueTask DisposeAsync()
    {
        http?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        sandbox.Dispose();
        validator.AssertNoViolations();
    }

    [Fact]
    public async Task A_choice_field_is_created_with_a_40_character_key_and_its_options_listed_by_the_schema_and_writable_at_once()
    {
        await using var connector = Connect();
        var creator = Assert.IsAssignableFrom<IFieldCreator>(connector);

        var created = await creator.CreateFieldAsync("Tier", FieldType.SingleChoice, ["Gold", "Silver", " Gold "], Ct);

        Assert.Matches("^custom\\.[0-9a-f]{40}$", created.Key);
        Assert.Equal(("Tier", FieldType.SingleChoice, true), (created.Label, created.Type, created.IsCustom));
        Assert.Equal(["Gold", "Silver"], created.Options.Select(o => o.Label));
        await using var fresh = Connect();
        var listed = (await fresh.GetSchemaAsync(Ct)).Find(created.Key)!;
        Assert.Equal(created with { Options = [] }, listed with { Options = [] });
        Assert.Equal(created.Options, listed.Options);

        // The connector that made the field writes it without a schema refresh.
        var write = Assert.Single(await connector.WriteAsync(
            [new CreateOperation("c1", "ref-1", ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, FieldValue> { [StandardFieldKeys.FullName] = Values.Text("Tia Tier"), [created.Key] = Values.Create(FieldType.SingleChoice, "Silver")! }), ImmutableSortedSet<string>.Empty)], Ct));
        Assert.True(write.Succeeded, write.Reason);
        var reread = Assert.Single(await fresh.GetAsync([write.Record!.Id], Ct));
        Assert.Equal("Silver", ((ScalarValue)reread.Fields[created.Key]).Text);
    }

    [Fact]
    public async Task Every_creatable_type_reads_back_as_the_type_it_was_created_as()
    {
        await using var connector = Connect();
        var creator = (IFieldCreator)connector;
        var made = new List<FieldDefinition>();

        foreach (var type in creator.CreatableFieldTypes)
        {
            made.Add(await creator.CreateFieldAsync("New " + type, type, type is FieldType.SingleChoice or FieldType.MultipleChoice ? ["A", "B"] : [], Ct));
        }

        await using var fresh = Connect();
        var schema = await fresh.GetSchemaAsync(Ct);
        Assert.Equal(creator.CreatableFieldTypes, made.Select(f => f.Type));
        Assert.All(made, f => Assert.Equal(f.Type, schema.Find(f.Key)!.Type));
        Assert.Equal(made.Count, made.Select(f => f.Key).Distinct().Count());
    }

    [Fact]
    public async Task The_connector_refuses_a_type_Pipedrive_lacks_a_name_in_use_and_a_choice_field_without_options_before_calling()
    {
        await using var connector = Connect();
        var creator = (IFieldCreator)connector;
        var fieldsBefore = await CountFieldsAsync();

        var boolean = await Assert.ThrowsAsync<ConnectorException>(() => creator.CreateFieldAsync("Active", FieldType.Boolean, [], Ct));
        var inUse = await Assert.ThrowsAsync<ConnectorException>(() => creator.CreateFieldAsync("segment", FieldType.Text, [], Ct));
        var noOptions = await Assert.ThrowsAsync<ConnectorException>(() => creator.CreateFieldAsync("Tier", FieldType.MultipleChoice, [" "], Ct));
        var noName = await Assert.ThrowsAsync<ConnectorException>(() => creator.CreateFieldAsync("  ", FieldType.Text, [], Ct));

        Assert.Contains("Boolean", boolean.Message, StringComparison.Ordinal);
        Assert.Equal("Pipedrive already has a person field named 'segment'; pick it instead or choose another name.", inUse.Message);
        Assert.Equal("A Pipedrive choice field needs at least one option.", noOptions.Message);
        Assert.Equal("Give the new Pipedrive field a name.", noName.Message);
        Assert.Equal(fieldsBefore, await CountFieldsAsync());
    }

    [Theory]
    [InlineData("""{"field_type":"varchar"}""", "Field name is required.", true)]
    [InlineData("""{"name":"X","field_type":"checkbox"}""", "Field type must be one of", true)]
    [InlineData("""{"name":"X","field_type":"enum"}""", "Options are required for fields of type enum and set.", false)]
    [InlineData("""{"name":"X","field_type":"set","options":[]}""", "Options must be a non-empty array of objects with a label.", false)]
    [InlineData("""{"name":"X","field_type":"varchar","options":[{"label":"A"}]}""", "Options can only be given for fields of type enum and set.", false)]
    public async Task The_sandbox_refuses_a_field_Pipedrive_would_refuse_with_400_and_adds_nothing(string body, string error, bool specInvalid)
    {
        var before = await CountFieldsAsync();

        using var response = await http!.PostAsync(new Uri("api/v1/personFields", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);
        var answer = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(answer!["success"]!.GetValue<bool>());
        Assert.StartsWith(error, answer["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await CountFieldsAsync());

        // A request the spec itself rules out is flagged by the validator, rightly.
        Assert.Equal(specInvalid, validator.TakeViolations().Count > 0);
    }

    private async Task<int> CountFieldsAsync() =>
        (await http!.GetFromJsonAsync<JsonObject>(new Uri("api/v1/personFields", UriKind.Relative), Ct))!["data"]!.AsArray().Count;

    private IContactConnector Connect() => new PipedriveConnectorFactory(TestRetries.Fast).Create(
        new AccountSettings(new Dictionary<string, string> { ["apiToken"] = sandbox.Options.ApiToken, ["baseUrl"] = host!.BaseUri.ToString() }),
        new ConnectorContext(TimeProvider.System, NullLoggerFactory.Instance));
}
