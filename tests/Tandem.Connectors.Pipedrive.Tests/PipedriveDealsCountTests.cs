using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Pipedrive;
using Tandem.Connectors.Testing.Specs;
using Tandem.Connectors.Testing;
using Tandem.Domain.Configuration;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using Tandem.Domain.Rules;
using Tandem.Sandbox;
using Tandem.Sandbox.Pipedrive;

namespace Tandem.Connectors.Pipedrive.Tests;

/// <summary>
/// "Has no deals" (PRODUCT.md §2): the sandbox keeps deal counts per person and answers them only when
/// <c>include_fields</c> names them; the connector turns them into the read-only Number field <c>deals_count</c>.
/// </summary>
public sealed class PipedriveDealsCountTests : IAsyncLifetime
{
    private const int Seeded = 12;

    private readonly OpenApiValidator validator = PipedriveOpenApi.CreateValidator();
    private readonly PipedriveSandbox sandbox = new(new PipedriveSandboxOptions { SeedPersons = Seeded });
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
    public async Task The_sandbox_answers_deal_counts_only_when_include_fields_names_them()
    {
        // Seeded person 4 (index 3) has two open deals and one lost.
        var plain = (JsonObject)(await GetAsync("api/v2/persons/4"))["data"]!;
        var open = (JsonObject)(await GetAsync("api/v2/persons/4?include_fields=open_deals_count"))["data"]!;
        var all = (JsonObject)(await GetAsync("api/v2/persons/4?include_fields=open_deals_count,closed_deals_count,won_deals_count,lost_deals_count"))["data"]!;
        var listed = (await GetAsync("api/v2/persons?limit=100&include_fields=closed_deals_count"))["data"]!.AsArray().OfType<JsonObject>().ToList();

        Assert.DoesNotContain(plain, p => p.Key.EndsWith("_deals_count", StringComparison.Ordinal));
        Assert.Equal(2, open["open_deals_count"]!.GetValue<int>());
        Assert.False(open.ContainsKey("closed_deals_count"));
        Assert.Equal((2, 1, 0, 1), (all["open_deals_count"]!.GetValue<int>(), all["closed_deals_count"]!.GetValue<int>(), all["won_deals_count"]!.GetValue<int>(), all["lost_deals_count"]!.GetValue<int>()));
        Assert.Equal(Seeded, listed.Count);
        Assert.All(listed, p => Assert.False(p.ContainsKey("open_deals_count")));
        Assert.Equal([0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1], listed.Select(p => p["closed_deals_count"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_field_include_fields_does_not_list_is_refused_with_400()
    {
        using var response = await http!.GetAsync(new Uri("api/v2/persons?include_fields=open_deals_count,deal_value", UriKind.Relative), Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(body!["success"]!.GetValue<bool>());
        Assert.Contains("deal_value", body["error"]!.GetValue<string>(), StringComparison.Ordinal);

        // A wrong request on purpose: the validator rightly flags it.
        Assert.NotEmpty(validator.TakeViolations());
    }

    [Fact]
    public async Task Deals_count_is_a_read_only_number_holding_open_and_closed_deals_and_zero_when_there_are_none()
    {
        await using var connector = Connect();
        var schema = await connector.GetSchemaAsync(Ct);
        var records = await ListAsync(connector);

        var field = schema.Find(PipedriveFieldKeys.DealsCount)!;
        Assert.Equal(FieldType.Number, field.Type);
        Assert.True(field.IsReadOnly);
        Assert.Equal("Deals (open and closed)", field.Label);
        Assert.Equal(
            ["0", "0", "1", "3", "1", "1", "0", "0", "1", "3", "1", "1"],
            records.OrderBy(r => int.Parse(r.Id, System.Globalization.CultureInfo.InvariantCulture)).Select(r => Deals(r)));
    }

    [Fact]
    public async Task A_deal_added_in_Pipedrive_reaches_the_change_feed_and_an_update_keeps_the_count_and_the_version()
    {
        await using var connector = Connect();
        string? cursor = null;
        await foreach (var page in connector.ListAllAsync(Ct))
        {
            cursor = page.CursorAfter ?? cursor;
        }

        sandbox.AddDeal(1, "won");
        var changes = await connector.ReadChangesAsync(cursor!, Ct);

        var changed = Assert.Single(changes.Changed);
        Assert.Equal(("1", "1"), (changed.Id, Deals(changed)));

        // A person write answers without include_fields: the record it gives still holds the count, so its version is
        // the one the next read gives and a following update is not taken for a stale one.
        var written = Assert.Single(await connector.WriteAsync(
            [new UpdateOperation("op-1", "1", changed.Version) { Changes = [new FieldChange(StandardFieldKeys.Note, Values.Create(FieldType.Text, "Called"))] }], Ct));
        var reread = Assert.Single(await connector.GetAsync(["1"], Ct));
        Assert.True(written.Succeeded, written.Reason);
        Assert.Equal("1", Deals(written.Record!));
        Assert.Equal(reread.Version, written.Record!.Version);
        var again = Assert.Single(await connector.WriteAsync(
            [new UpdateOperation("op-2", "1", written.Record.Version) { Changes = [new FieldChange(StandardFieldKeys.Note, Values.Create(FieldType.Text, "Called back"))] }], Ct));
        Assert.True(again.Succeeded, again.Reason);
    }

    [Fact]
    public async Task The_rule_deals_count_equals_0_matches_exactly_the_persons_with_no_deals()
    {
        await using var connector = Connect();
        var schema = await connector.GetSchemaAsync(Ct);
        var records = await ListAsync(connector);
        var hasNoDeals = new RuleEvaluator([new Rule { Id = "no-deals", Filters = [new Filter(FilterKind.FieldEquals, PipedriveFieldKeys.DealsCount, "0")] }], schema);

        var matched = records.Where(r => hasNoDeals.MatchesAny(r, hasCounterpart: false)).Select(r => int.Parse(r.Id, System.Globalization.CultureInfo.InvariantCulture)).Order();

        Assert.Equal([1, 2, 7, 8], matched);
    }

    private static string? Deals(ContactRecord record) => (record.Fields.GetValueOrDefault(PipedriveFieldKeys.DealsCount) as ScalarValue)?.Text;

    private static async Task<List<ContactRecord>> ListAsync(IContactConnector connector)
    {
        var records = new List<ContactRecord>();
        await foreach (var page in connector.ListAllAsync(Ct))
        {
            records.AddRange(page.Records);
        }

        return records;
    }

    private IContactConnector Connect() => new PipedriveConnectorFactory(TestRetries.Fast).Create(
        new AccountSettings(new Dictionary<string, string> { ["apiToken"] = sandbox.Options.ApiToken, ["baseUrl"] = host!.BaseUri.ToString() }),
        new ConnectorContext(TimeProvider.System, NullLoggerFactory.Instance));

    private async Task<JsonObject> GetAsync(string path)
    {
        using var response = await http!.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }
}
