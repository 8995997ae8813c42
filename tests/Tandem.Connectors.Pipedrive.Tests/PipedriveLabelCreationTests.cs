using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Testing;
using Tandem.Connectors.Testing.Specs;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using Tandem.Sandbox;
using Tandem.Sandbox.Pipedrive;

namespace Tandem.Connectors.Pipedrive.Tests;

/// <summary>
/// A tag the company has no label for becomes a label (v2 <c>POST /personFields/label_ids/options</c>) instead of being
/// skipped, whether it arrives on a new person or is added to one.
/// </summary>
public sealed class PipedriveLabelCreationTests : IAsyncLifetime
{
    private readonly OpenApiValidator validator = PipedriveOpenApi.CreateValidator();
    private readonly PipedriveSandbox sandbox = new(new PipedriveSandboxOptions { SeedPersons = 0, Labels = ["Customer", "VIP"] });
    private readonly System.Collections.Concurrent.ConcurrentQueue<SandboxExchange> exchanges = new();
    private SandboxHost? host;
    private HttpClient? http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        host = await SandboxHost.StartAsync(sandbox, port: 0, e => { exchanges.Enqueue(e); validator.Observe(e); }, Ct);
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
    public async Task A_new_person_with_a_tag_the_company_lacks_gets_a_new_label_of_that_name()
    {
        await using var connector = Connect();

        var write = Assert.Single(await connector.WriteAsync([Create("c1", "Gina Grey", "VIP", "Wine club")], Ct));

        Assert.True(write.Succeeded, write.Reason);
        Assert.Equal(["VIP", "Wine club"], write.Record!.Tags);
        Assert.Equal(["Customer", "VIP", "Wine club"], await LabelNamesAsync());
        await using var fresh = Connect();
        Assert.Equal(["VIP", "Wine club"], Assert.Single(await fresh.GetAsync([write.Record.Id], Ct)).Tags);
    }

    [Fact]
    public async Task A_tag_added_to_a_person_creates_its_label_once_for_every_person_of_the_batch()
    {
        await using var connector = Connect();
        var created = await connector.WriteAsync([Create("c1", "Ann Ash"), Create("c2", "Bob Birch")], Ct);
        var optionCalls = CountOptionCalls();

        var updates = created.Select((w, i) => (WriteOperation)new UpdateOperation("u" + i, w.Record!.Id, w.Record.Version)
        {
            AddTags = ImmutableSortedSet.Create(StringComparer.Ordinal, "Board member"),
        }).ToList();
        var written = await connector.WriteAsync(updates, Ct);

        Assert.All(written, w => Assert.Equal(["Board member"], w.Record!.Tags));
        Assert.Equal(["Board member", "Customer", "VIP"], await LabelNamesAsync());
        Assert.Equal(1, CountOptionCalls() - optionCalls);
    }

    [Fact]
    public async Task A_label_differing_only_in_case_is_a_label_of_its_own_as_Pipedrive_keeps_names_as_written()
    {
        await using var connector = Connect();

        var write = Assert.Single(await connector.WriteAsync([Create("c1", "Vic Vale", "vip")], Ct));

        Assert.Equal(["vip"], write.Record!.Tags);
        Assert.Equal(["Customer", "VIP", "vip"], await LabelNamesAsync());
    }

    [Theory]
    [InlineData("[]", HttpStatusCode.BadRequest)]
    [InlineData("""[{"label":"Fine"},{"label":""}]""", HttpStatusCode.BadRequest)]
    [InlineData("""{"label":"Not an array"}""", HttpStatusCode.BadRequest)]
    public async Task The_sandbox_refuses_a_bad_options_request_whole_and_adds_no_label(string body, HttpStatusCode status)
    {
        using var response = await http!.PostAsync(new Uri("api/v2/personFields/label_ids/options", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(["Customer", "VIP"], await LabelNamesAsync());
        _ = validator.TakeViolations(); // each body breaks the spec's own request schema, rightly
    }

    [Fact]
    public async Task The_sandbox_answers_404_for_a_field_it_does_not_have()
    {
        using var response = await http!.PostAsJsonAsync(new Uri("api/v2/personFields/no_such_field/options", UriKind.Relative), new JsonArray(new JsonObject { ["label"] = "X" }), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        _ = validator.TakeViolations();
    }

    private static CreateOperation Create(string reference, string name, params string[] tags) => new(
        "op-" + reference,
        reference,
        ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, FieldValue> { [StandardFieldKeys.FullName] = Values.Text(name) }),
        ImmutableSortedSet.Create(StringComparer.Ordinal, tags));

    private int CountOptionCalls() => exchanges.Count(e => e.Method == "POST" && e.Path.EndsWith("/options", StringComparison.Ordinal));

    private async Task<List<string>> LabelNamesAsync()
    {
        var fields = (await http!.GetFromJsonAsync<JsonObject>(new Uri("api/v2/personFields", UriKind.Relative), Ct))!["data"]!.AsArray();
        var labels = fields.OfType<JsonObject>().Single(f => f["field_code"]!.GetValue<string>() == "label_ids");
        return labels["options"]!.AsArray().Select(o => o!["label"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
    }

    private IContactConnector Connect() => new PipedriveConnectorFactory(TestRetries.Fast).Create(
        new AccountSettings(new Dictionary<string, string> { ["apiToken"] = sandbox.Options.ApiToken, ["baseUrl"] = host!.BaseUri.ToString() }),
        new ConnectorContext(TimeProvider.System, NullLoggerFactory.Instance).Allowing(host.BaseUri));
}
