using System.Collections.Immutable;
using Tandem.Connectors.Contract;
using Tandem.Domain.Fields;
using Tandem.Sandbox.Wooxy;

namespace Tandem.Connectors.Wooxy.Tests;

/// <summary>What is Wooxy's own: asynchronous requests, identifiers, channel flags, variables on the chosen list only.</summary>
public sealed class WooxyQuirkTests : IAsyncLifetime
{
    private readonly WooxyFixture fixture = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await fixture.StartAsync(Ct);

    public ValueTask DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task A_request_whose_results_never_come_stays_unknown_until_settled_and_is_never_sent_again()
    {
        await using var connector = fixture.Connect();
        fixture.Sandbox.Faults.StallRequests(1);

        var result = Assert.Single(await connector.WriteAsync([Create("ref-stalled", "stalled@example.com")], Ct));
        var callsBefore = fixture.Sandbox.ApiCalls;
        var pending = await Assert.ThrowsAsync<WritePendingException>(() => connector.FindCreatedAsync(result.PendingReference!, "stalled@example.com", Ct));
        var calls = fixture.Sandbox.ApiCalls - callsBefore;
        fixture.Sandbox.ReleaseStalledRequests();
        var found = await connector.FindCreatedAsync(result.PendingReference!, "stalled@example.com", Ct);

        Assert.Equal(WriteFailureKind.Unknown, result.Failure);
        Assert.StartsWith("wooxy-request:", result.PendingReference, StringComparison.Ordinal);
        Assert.Equal("Wooxy is still processing the request that adds this contact.", pending.Message);
        Assert.Equal(1, calls);
        Assert.Equal("email:stalled@example.com", found?.Id);
        Assert.Equal(1, fixture.CountInList(WooxySandbox.DefaultListId, "stalled@example.com"));
    }

    [Fact]
    public async Task A_contact_with_a_phone_number_is_added_subscribed_to_sms_and_viber_and_one_without_is_not()
    {
        await using var connector = fixture.Connect();

        var results = await connector.WriteAsync([Create("ref-phone", "with.phone@example.com", "+32 470 11 22 33"), Create("ref-nophone", "no.phone@example.com")], Ct);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Reason));
        var withPhone = fixture.Sandbox.Contact(WooxySandbox.DefaultListId, "with.phone@example.com")!;
        var without = fixture.Sandbox.Contact(WooxySandbox.DefaultListId, "no.phone@example.com")!;
        Assert.True(withPhone["smsSubscribe"]!.GetValue<bool>());
        Assert.True(withPhone["viberSubscribe"]!.GetValue<bool>());
        Assert.Null(without["smsSubscribe"]);
        Assert.Null(without["viberSubscribe"]);
    }

    [Fact]
    public async Task A_contact_without_user_id_email_or_phone_is_refused_with_that_reason_and_the_others_are_added()
    {
        await using var connector = fixture.Connect();
        var nameOnly = new CreateOperation("c-none", "ref-none", ImmutableDictionary<string, FieldValue>.Empty.Add(StandardFieldKeys.FirstName, Values.Text("Nobody")), ImmutableSortedSet<string>.Empty);

        var results = await connector.WriteAsync([nameOnly, Create("ref-some", "some.one@example.com")], Ct);

        Assert.Equal(WriteFailureKind.Rejected, results[0].Failure);
        Assert.Equal("Wooxy needs a user ID, an email or a phone number to add a contact.", results[0].Reason);
        Assert.True(results[1].Succeeded, results[1].Reason);
        Assert.Equal(WooxyConnectorFactory.App, "wooxy");
        Assert.Equal([StandardFieldKeys.Emails, StandardFieldKeys.Phones, "userId"], connector.Capabilities.RequiredIdentifiers);
    }

    [Fact]
    public async Task A_create_of_a_contact_the_list_already_holds_updates_it_and_leaves_its_channels_alone()
    {
        await using var connector = fixture.Connect();
        var seeded = fixture.Sandbox.Identifiers(WooxySandbox.DefaultListId)[0];

        var result = Assert.Single(await connector.WriteAsync([Create("ref-existing", seeded) with { Fields = Create("x", seeded).Fields.SetItem(StandardFieldKeys.LastName, Values.Text("Renamed")) }], Ct));

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(1, fixture.CountInList(WooxySandbox.DefaultListId, seeded));
        Assert.Equal("Renamed", fixture.Sandbox.Contact(WooxySandbox.DefaultListId, seeded)!["lastName"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_variable_is_created_on_the_chosen_list_only_and_a_value_written_to_it_reads_back()
    {
        await using var connector = fixture.Connect();

        var field = await ((IFieldCreator)connector).CreateFieldAsync("Deal value 2", FieldType.Text, [], Ct);
        var written = Assert.Single(await connector.WriteAsync([Create("ref-var", "var.holder@example.com") with { Fields = Create("y", "var.holder@example.com").Fields.Add(field.Key, Values.Text("1200 EUR")) }], Ct));
        var read = Assert.Single(await connector.GetAsync([written.Record!.Id], Ct));

        Assert.Equal(("var.dealValue", "dealValue"), (field.Key, field.Label));
        Assert.Equal("string", fixture.Sandbox.CustomVariables(WooxySandbox.DefaultListId)["dealValue"]);
        Assert.False(fixture.Sandbox.CustomVariables(WooxySandbox.NewsletterListId).ContainsKey("dealValue"));
        Assert.Equal("1200 EUR", read.Get("var.dealValue")?.Canonical);
    }

    [Theory]
    [InlineData(FieldType.Number)]
    [InlineData(FieldType.Boolean)]
    [InlineData(FieldType.SingleChoice)]
    [InlineData(FieldType.MultipleChoice)]
    [InlineData(FieldType.DateTime)]
    [InlineData(FieldType.Money)]
    public async Task A_field_of_a_kind_Wooxy_cannot_create_gets_a_string_variable_that_holds_its_values_as_text(FieldType kind)
    {
        await using var connector = fixture.Connect();

        var field = await ((IFieldCreator)connector).CreateFieldAsync("Carried " + kind, kind, ["One", "Two"], Ct);

        Assert.Equal(FieldType.Text, field.Type);
        Assert.Equal("string", fixture.Sandbox.CustomVariables(WooxySandbox.DefaultListId)[field.Label]);
        Assert.Equal(FieldType.Text, (await connector.GetSchemaAsync(Ct)).Find(field.Key)?.Type);
    }

    [Fact]
    public async Task A_date_field_gets_a_date_variable_and_an_address_field_none()
    {
        await using var connector = fixture.Connect();

        var date = await ((IFieldCreator)connector).CreateFieldAsync("Signed on", FieldType.Date, [], Ct);
        var refused = await Assert.ThrowsAsync<ConnectorException>(() => ((IFieldCreator)connector).CreateFieldAsync("Home", FieldType.Address, [], Ct));

        Assert.Equal(FieldType.Date, date.Type);
        Assert.Equal("date", fixture.Sandbox.CustomVariables(WooxySandbox.DefaultListId)["signedOn"]);
        Assert.False(fixture.Sandbox.CustomVariables(WooxySandbox.DefaultListId).ContainsKey("home"));
        Assert.Contains("text or a date", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Number_and_yes_no_variables_made_in_Wooxy_are_read_as_such_and_written_as_their_values()
    {
        fixture.Sandbox.AddVariableInApp(WooxySandbox.DefaultListId, "visits", "int");
        fixture.Sandbox.AddVariableInApp(WooxySandbox.DefaultListId, "vip", "bool");
        await using var connector = fixture.Connect();
        var schema = await connector.GetSchemaAsync(Ct);
        var fields = Create("y", "typed@example.com").Fields.Add("var.visits", Values.Number(12m)).Add("var.vip", Values.Boolean(true));

        var written = Assert.Single(await connector.WriteAsync([Create("ref-typed", "typed@example.com") with { Fields = fields }], Ct));
        var read = Assert.Single(await connector.GetAsync([written.Record!.Id], Ct));

        Assert.Equal((FieldType.Number, FieldType.Boolean), (schema.Find("var.visits")?.Type, schema.Find("var.vip")?.Type));
        Assert.True(written.Succeeded, written.Reason);
        Assert.Equal(("12", "true"), (read.Get("var.visits")?.Canonical, read.Get("var.vip")?.Canonical));
    }

    [Fact]
    public async Task A_variable_added_in_Wooxy_since_the_last_read_appears_in_a_new_connectors_schema()
    {
        await using (var before = fixture.Connect())
        {
            Assert.Null((await before.GetSchemaAsync(Ct)).Find("var.loyaltyTier"));
        }

        fixture.Sandbox.AddVariableInApp(WooxySandbox.DefaultListId, "loyaltyTier", "string");
        await using var after = fixture.Connect();

        Assert.Equal(FieldType.Text, (await after.GetSchemaAsync(Ct)).Find("var.loyaltyTier")?.Type);
    }

    [Fact]
    public async Task A_contact_list_that_the_domain_does_not_have_is_named_in_the_error()
    {
        await using var connector = fixture.Connect("Partners");

        var error = await Assert.ThrowsAsync<ConnectorException>(() => connector.GetSchemaAsync(Ct));

        Assert.Equal("Wooxy has no contact list called \"Partners\" on the domain demo.example.com; check the Contact list setting.", error.Message);
    }

    [Fact]
    public async Task A_batch_of_a_hundred_creates_is_one_add_request_and_its_settlement()
    {
        await using var connector = fixture.Connect();
        _ = await connector.GetSchemaAsync(Ct);
        var before = fixture.Sandbox.ApiCalls;

        var results = await connector.WriteAsync([.. Enumerable.Range(0, 100).Select(i => Create($"ref-{i}", $"bulk{i}@example.com"))], Ct);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Reason));
        var calls = fixture.Sandbox.ApiCalls - before;
        Assert.InRange(calls, 2, 1 + WooxyFixture.Pauses.Count);
        Assert.True(fixture.Sandbox.MostConcurrentRequests <= 10);
    }

    private static CreateOperation Create(string reference, string email, string? phone = null)
    {
        var fields = ImmutableDictionary.CreateBuilder<string, FieldValue>(StringComparer.Ordinal);
        fields[StandardFieldKeys.FirstName] = Values.Text("Quinn");
        fields[StandardFieldKeys.Emails] = Values.Email(email);
        if (phone is not null)
        {
            fields[StandardFieldKeys.Phones] = Values.Phone(phone);
        }

        return new CreateOperation("create-" + reference, reference, fields.ToImmutable(), ImmutableSortedSet<string>.Empty);
    }
}
