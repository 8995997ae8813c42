using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Harness;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>Matching on phone (E.164) and a custom unique field per side, in the user's order of precedence.</summary>
public sealed class MatchingSettingsTests
{
    private static readonly ConnectionSettings EmailThenPhone = new() { MatchOn = [MatchKeyChoice.Email, MatchKeyChoice.Phone] };

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.PostgreSql)]
    public async Task With_phone_matching_on_contacts_with_different_emails_but_one_phone_are_linked(StoreKind store)
    {
        await using var h = await SyncHarness.CreateAsync(store);
        h.Settings = EmailThenPhone;
        WithPhone(h.A, h.A.CreatePerson("Ann", "Lee", "ann@work.example").Id, "+32 470 12 34 56");
        WithPhone(h.B, h.B.CreatePerson("Ann", "Lee", "ann@home.example").Id, "+32470123456");

        var report = await h.SyncCleanlyAsync();

        Assert.Equal(0, report.A.Created + report.B.Created);
        Assert.Equal(1, await h.LinkCountAsync());
    }

    [Fact]
    public async Task Without_phone_matching_the_same_contacts_are_two_people()
    {
        // Two names: with one name and one phone they would wait for review as a possible match (PossibleMatchTests).
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        WithPhone(h.A, h.A.CreatePerson("Ann", "Lee", "ann@work.example").Id, "+32 470 12 34 56");
        WithPhone(h.B, h.B.CreatePerson("Anna", "Lee", "ann@home.example").Id, "+32470123456");

        var report = await h.SyncCleanlyAsync();

        Assert.Equal(2, report.A.Created + report.B.Created);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_first_key_in_the_order_decides_and_what_it_leaves_ambiguous_is_reported(bool emailFirst)
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        h.Settings = new ConnectionSettings { MatchOn = emailFirst ? [MatchKeyChoice.Email, MatchKeyChoice.Phone] : [MatchKeyChoice.Phone, MatchKeyChoice.Email] };
        var ann = WithPhone(h.A, h.A.CreatePerson("Ann", "Lee", "ann@example.com").Id, "+32470000001");
        var sameEmail = WithPhone(h.B, h.B.CreatePerson("Ann", "Lee", "ann@example.com").Id, "+32470000002");
        var samePhone = WithPhone(h.B, h.B.CreatePerson("Annie", "Lee", "annie@example.com").Id, "+32470000001");

        await h.SyncCleanlyAsync();

        Assert.Equal(1, await h.LinkCountAsync());
        Assert.Equal(1, h.A.Count);
        var (linked, reported) = emailFirst ? (sameEmail, samePhone) : (samePhone, sameEmail);
        Assert.Equal(1, await h.ScalarAsync($"SELECT COUNT(*) FROM links WHERE connection_id = @c AND a_id = '{ann.Id}' AND b_id = '{linked.Id}'"));
        var row = Assert.Single(await h.HealthAsync(), r => r.RecordId == reported.Id);
        Assert.Contains(emailFirst ? "phone number already belongs to another linked contact in A" : "email address already belongs to another linked contact in A", row.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.PostgreSql)]
    public async Task A_custom_unique_field_named_per_side_links_contacts_without_email(StoreKind store)
    {
        await using var h = await SyncHarness.CreateAsync(store);
        h.A.AddField(new FieldDefinition("customer_no", "Customer number", FieldType.Text));
        h.B.AddField(new FieldDefinition("client_id", "Client ID", FieldType.Text));
        h.Settings = new ConnectionSettings { MatchOn = [MatchKeyChoice.Email, new MatchKeyChoice(MatchKeyKind.CustomField) { FieldA = "customer_no", FieldB = "client_id" }] };
        h.A.Set(h.A.CreatePerson("No", "Mail").Id, "customer_no", Values.Text("C-1001"));
        h.B.Set(h.B.CreatePerson("No", "Mail").Id, "client_id", Values.Text(" c-1001 "));

        var report = await h.SyncCleanlyAsync();

        Assert.Equal(0, report.A.Created + report.B.Created);
        Assert.Equal(0, report.Excluded);
        Assert.Equal(1, await h.LinkCountAsync());
    }

    [Fact]
    public async Task A_custom_field_missing_from_an_app_stops_the_run_with_a_plain_reason()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        h.Settings = new ConnectionSettings { MatchOn = [MatchKeyChoice.Email, new MatchKeyChoice(MatchKeyKind.CustomField) { FieldA = "customer_no", FieldB = "client_id" }] };

        var report = await h.SyncAsync();

        Assert.Equal(RunOutcome.Failed, report.Outcome);
        Assert.Contains("\"customer_no\" is not one of its fields", report.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.PostgreSql)]
    public async Task Turning_phone_matching_on_later_reads_every_records_keys_again_and_links_what_was_excluded(StoreKind store)
    {
        await using var h = await SyncHarness.CreateAsync(store);
        WithPhone(h.A, h.A.CreatePerson("No", "Mail").Id, "+32 470 12 34 56");
        WithPhone(h.B, h.B.CreatePerson("No", "Mail").Id, "+32470123456");
        var before = await h.SyncCleanlyAsync();
        Assert.Equal(2, before.Excluded);

        h.Settings = EmailThenPhone;
        var after = await h.SyncCleanlyAsync();

        Assert.Equal(1, await h.LinkCountAsync());
        Assert.Equal(0, after.A.Created + after.B.Created);
        Assert.Equal(1, h.A.Count);
        Assert.Equal(1, h.B.Count);
        Assert.Equal(0, (await h.SyncCleanlyAsync()).WriteCalls);
    }

    private static Domain.Contacts.ContactRecord WithPhone(Connectors.InMemory.InMemoryApp app, string id, string phone) =>
        app.Set(id, "phones", new ListValue(FieldType.Phone, [new LabelledValue("mobile", Values.Phone(phone))]));
}
