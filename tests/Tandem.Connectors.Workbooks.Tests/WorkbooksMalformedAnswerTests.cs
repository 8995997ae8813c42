using System.Text.Json.Nodes;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Testing;
using Tandem.Sandbox;

namespace Tandem.Connectors.Workbooks.Tests;

/// <summary>A page Workbooks answers malformed fails the run; it is never read as "these people were deleted" or "nothing changed".</summary>
public sealed class WorkbooksMalformedAnswerTests : IAsyncLifetime
{
    private static readonly string Cursor = "wb1|86400|" + DateTimeOffset.UtcNow.ToUnixTimeSeconds() + "|";

    private readonly ScriptedWorkbooks server = new();
    private SandboxHost? host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => host = await SandboxHost.StartAsync(server, cancellationToken: Ct);

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    public static TheoryData<string> Malformed() =>
    [
        """{"success":true,"total":3}""",
        """{"success":false,"errors":{"base":["Something went wrong"]}}""",
        """{"success":true,"data":{"id":1}}""",
        """{"success":true,"data":[{"id":7,"lock_version":1,"is_deleted":true}]}""",
        """{"success":true,"data":[{"lock_version":1,"updated_at":"Fri May 15 14:36:54 UTC 2026","is_deleted":true}]}""",
        """{"success":true,"data":[17]}""",
    ];

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_page_of_the_change_feed_fails_the_run(string page)
    {
        server.People = JsonNode.Parse(page)!.AsObject();
        await using var connector = Connect();

        var error = await Assert.ThrowsAsync<ConnectorException>(() => connector.ReadChangesAsync(Cursor, Ct));

        Assert.StartsWith("Workbooks answered", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Tandem stopped rather than guess.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listing_page_without_its_records_fails_instead_of_ending_the_listing()
    {
        server.People = new JsonObject { ["success"] = true, ["total"] = 0 };
        await using var connector = Connect();

        await Assert.ThrowsAsync<ConnectorException>(async () =>
        {
            await foreach (var page in connector.ListAllAsync(Ct))
            {
                Assert.Fail("No page may come from an answer without records.");
            }
        });
    }

    private IContactConnector Connect() =>
        new WorkbooksConnectorFactory(TestRetries.Fast).Create(
            new AccountSettings(new Dictionary<string, string> { ["apiKey"] = "key", ["baseUrl"] = host!.BaseUri.ToString() }),
            ConnectorContext.Default.Allowing(host.BaseUri));
}
