using System.Collections.Immutable;
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

/// <summary>A person's chat accounts (<c>im</c>) as the URIs a card's IMPP and Google's chat accounts read as.</summary>
public sealed class PipedriveChatAccountTests : IAsyncLifetime
{
    private readonly OpenApiValidator validator = PipedriveOpenApi.CreateValidator();
    private readonly PipedriveSandbox sandbox = new(new PipedriveSandboxOptions { SeedPersons = 0 });
    private SandboxHost? host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => host = await SandboxHost.StartAsync(sandbox, port: 0, validator.Observe, Ct);

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        sandbox.Dispose();
        validator.AssertNoViolations();
    }

    [Fact]
    public async Task Chat_accounts_are_written_as_service_and_name_and_read_back_as_the_same_uris()
    {
        await using var connector = Connect();
        var im = new ListValue(FieldType.Url,
        [
            new LabelledValue("work", Values.Require(FieldType.Url, "skype:ann.lee")),
            new LabelledValue("home", Values.Require(FieldType.Url, "xmpp:ann@example.com")),
        ]);
        var create = new CreateOperation("c1", "ref-1", ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, FieldValue>
        {
            [StandardFieldKeys.FullName] = Values.Text("Ann Lee"),
            [StandardFieldKeys.InstantMessaging] = im,
        }), ImmutableSortedSet<string>.Empty);

        var written = Assert.Single(await connector.WriteAsync([create], Ct));

        Assert.True(written.Succeeded, written.Reason);
        var stored = sandbox.Person(int.Parse(written.Record!.Id, System.Globalization.CultureInfo.InvariantCulture))!["im"]!.AsArray();
        Assert.Equal([("ann.lee", "skype", true), ("ann@example.com", "jabber", false)], stored.Select(i => (i!["value"]!.GetValue<string>(), i["label"]!.GetValue<string>(), i["primary"]!.GetValue<bool>())));
        await using var fresh = Connect();
        var read = (ListValue)Assert.Single(await fresh.GetAsync([written.Record.Id], Ct)).Get(StandardFieldKeys.InstantMessaging)!;
        Assert.Equal(["skype:ann.lee", "xmpp:ann@example.com"], read.Items.Select(i => i.Value.Text));
    }

    [Fact]
    public async Task An_account_labelled_whatsapp_in_Pipedrive_reads_as_a_whatsapp_uri_and_clearing_the_field_empties_it()
    {
        await using var connector = Connect();
        var created = Assert.Single(await connector.WriteAsync([new CreateOperation("c1", "ref-2", ImmutableDictionary<string, FieldValue>.Empty.Add(StandardFieldKeys.FullName, Values.Text("Bo Day")), ImmutableSortedSet<string>.Empty)], Ct));
        var id = int.Parse(created.Record!.Id, System.Globalization.CultureInfo.InvariantCulture);
        sandbox.EditPerson(id, new JsonObject { ["im"] = new JsonArray(new JsonObject { ["value"] = "+15550100", ["primary"] = true, ["label"] = "whatsapp" }) });

        var read = Assert.Single(await connector.GetAsync([created.Record.Id], Ct));
        Assert.Equal("whatsapp:+15550100", ((ListValue)read.Get(StandardFieldKeys.InstantMessaging)!).Primary.Text);

        var cleared = Assert.Single(await connector.WriteAsync([new UpdateOperation("u1", created.Record.Id, read.Version) { Changes = [new FieldChange(StandardFieldKeys.InstantMessaging, null)] }], Ct));
        Assert.True(cleared.Succeeded, cleared.Reason);
        Assert.Null(cleared.Record!.Get(StandardFieldKeys.InstantMessaging));
    }

    private IContactConnector Connect() => new PipedriveConnectorFactory(TestRetries.Fast).Create(
        new AccountSettings(new Dictionary<string, string> { ["apiToken"] = sandbox.Options.ApiToken, ["baseUrl"] = host!.BaseUri.ToString() }),
        new ConnectorContext(TimeProvider.System, NullLoggerFactory.Instance).Allowing(host.BaseUri));
}
