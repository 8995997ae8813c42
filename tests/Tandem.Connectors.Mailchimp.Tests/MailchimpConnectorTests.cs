using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Testing;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using Tandem.Sandbox.Mailchimp;

namespace Tandem.Connectors.Mailchimp.Tests;

/// <summary>Mailchimp-only cases on top of the shared suite: merge fields of every type, batches, unsubscribes, OAuth.</summary>
public sealed partial class MailchimpConformanceTests
{
    [Fact]
    public async Task Merge_fields_of_every_type_round_trip_with_their_roles()
    {
        await using var connector = Connect();
        var schema = await connector.GetSchemaAsync(Ct);
        var fields = NewContact("ref-merge", "merge@example.com").Fields
            .SetItem("addresses", Values.Address("12 Elm Street\nSuite 4", "Springfield", "IL", "62701", "US"))
            .SetItem("urls", Values.Require(FieldType.Url, "https://example.com/merge"))
            .SetItem("merge.SCORE", Values.Number(42.5m))
            .SetItem("merge.PLAN", Values.Require(FieldType.SingleChoice, "Pro"))
            .SetItem("merge.HEARD", Values.Require(FieldType.SingleChoice, "Referral"))
            .SetItem("merge.AVATAR", Values.Require(FieldType.Url, "https://example.com/a.png"))
            .SetItem("merge.ZIPCODE", Values.Text("62701-1234"))
            .SetItem("merge.RENEWAL", Values.Date(new PartialDate(2027, 1, 31)));

        var result = Assert.Single(await connector.WriteAsync([new CreateOperation("c1", "ref-merge", fields, ImmutableSortedSet<string>.Empty)], Ct));
        Assert.True(result.Succeeded, result.Reason);
        var read = Assert.Single(await connector.GetAsync([result.Record!.Id], Ct));

        Assert.Equal("merge@example.com", read.Get("emails")?.Canonical);
        Assert.Equal("+32470123456", read.Get("phones")?.Canonical);
        foreach (var key in new[] { "addresses", "urls", "merge.SCORE", "merge.PLAN", "merge.HEARD", "merge.AVATAR", "merge.ZIPCODE", "merge.RENEWAL", "birthday", "org", "title", "note" })
        {
            Assert.Equal(fields[key].Canonical, read.Get(key)?.Canonical);
        }

        Assert.Equal("subscribed", read.Get("status")?.Canonical);
        Assert.Equal(FieldRole.Phones, schema.Find("phones")!.Role);
        Assert.False(schema.Find("phones")!.IsList);
        Assert.True(schema.Find("status")!.IsReadOnly);
        Assert.Equal(["Free", "Pro", "Enterprise"], schema.Find("merge.PLAN")!.Options.Select(o => o.Label));
        Assert.Equal(FieldType.Date, schema.Find("merge.RENEWAL")!.Type);
    }

    [Fact]
    public async Task A_batch_reports_each_member_on_its_own()
    {
        await using var connector = Connect();
        var existing = sandbox.MemberEmails(Audience)[0];
        var operations = new WriteOperation[]
        {
            NewContact("ref-a", "batch.a@example.com"),
            NewContact("ref-dup", existing),
            NewContact("ref-bad", "batch.bad@example.com") with { OperationId = "create-bad", Fields = NewContact("x", "batch.bad@example.com").Fields.SetItem("merge.PLAN", Values.Require(FieldType.SingleChoice, "Platinum")) },
            NewContact("ref-b", "batch.b@example.com") with { OperationId = "create-b", Fields = NewContact("x", "batch.b@example.com").Fields.SetItem("merge.RENEWAL", Values.Date(new PartialDate(null, 5, 1))) },
            new UpdateOperation("u-missing", "no-such-contact", null) { Changes = [new FieldChange("title", Values.Text("x"))] },
        };

        var results = await connector.WriteAsync(operations, Ct);

        Assert.Equal(operations.Select(o => o.OperationId), results.Select(r => r.OperationId));
        Assert.True(results[0].Succeeded, results[0].Reason);
        Assert.Equal((WriteFailureKind?)WriteFailureKind.Rejected, results[1].Failure);
        Assert.Equal("A member with this email is already in the audience.", results[1].Reason);
        Assert.Equal((WriteFailureKind?)WriteFailureKind.Rejected, results[2].Failure);
        Assert.Equal("'Platinum' is not a choice of the Mailchimp field 'Plan'.", results[2].Reason);
        Assert.Equal((WriteFailureKind?)WriteFailureKind.Rejected, results[3].Failure);
        Assert.Equal((WriteFailureKind?)WriteFailureKind.NotFound, results[4].Failure);
        Assert.NotNull(sandbox.Member(Audience, "batch.a@example.com"));
        Assert.Null(sandbox.Member(Audience, "batch.b@example.com"));
    }

    [Fact]
    public async Task An_unsubscribe_is_written_reported_and_never_reversed()
    {
        await using var connector = Connect();
        var email = sandbox.MemberEmails(Audience)[0];
        var id = sandbox.Member(Audience, email)!["contact_id"]!.GetValue<string>();

        var unsubscribed = Assert.Single(await connector.WriteAsync([new UpdateOperation("u1", id, null) { Unsubscribe = true }], Ct));
        var edited = Assert.Single(await connector.WriteAsync([new UpdateOperation("u2", id, null) { Changes = [new FieldChange("title", Values.Text("Still here"))], AddTags = ["Tandem Trash"] }], Ct));
        var recreated = Assert.Single(await connector.WriteAsync([NewContact("ref-again", email)], Ct));

        Assert.True(unsubscribed.Succeeded, unsubscribed.Reason);
        Assert.True(unsubscribed.Record!.IsUnsubscribed);
        Assert.True(edited.Succeeded, edited.Reason);
        Assert.True(edited.Record!.IsUnsubscribed);
        Assert.Equal("Still here", edited.Record.Get("title")?.Canonical);
        Assert.Contains("Tandem Trash", edited.Record.Tags);
        Assert.Equal((WriteFailureKind?)WriteFailureKind.Rejected, recreated.Failure);
        Assert.Equal("unsubscribed", sandbox.Member(Audience, email)!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_cleaned_member_reads_as_unsubscribed_and_an_archive_write_is_a_deletion()
    {
        await using var connector = Connect();
        var cursor = (await ListAsync(connector))[^1].CursorAfter!;
        var emails = sandbox.MemberEmails(Audience);
        sandbox.EditMember(Audience, emails[0], new JsonObject { ["status"] = "cleaned" });
        var id = sandbox.Member(Audience, emails[1])!["contact_id"]!.GetValue<string>();

        var archived = Assert.Single(await connector.WriteAsync([new DeleteOperation("d1", id)], Ct));
        var changes = await ReadAllChangesAsync(connector, cursor);

        Assert.True(archived.Succeeded, archived.Reason);
        Assert.Equal("archived", sandbox.Member(Audience, emails[1])!["status"]!.GetValue<string>());
        var cleaned = Assert.Single(changes.Changed);
        Assert.True(cleaned.IsUnsubscribed);
        Assert.Equal([id], changes.Deleted);
    }

    [Fact]
    public async Task An_OAuth_token_finds_its_data_centre_through_the_metadata_endpoint()
    {
        var settings = new Tandem.Connectors.Catalog.AccountSettings(new Dictionary<string, string>
        {
            ["accessToken"] = sandbox.Options.DemoAccessToken,
            ["audienceId"] = MailchimpSandbox.EventsAudienceId,
            ["loginUrl"] = host!.BaseUri.ToString(),
        });
        await using var connector = new Tandem.Connectors.Mailchimp.MailchimpConnectorFactory(TestRetries.Fast).Create(settings, new Tandem.Connectors.Catalog.ConnectorContext(clock, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).Allowing(host.BaseUri));

        var pages = await ListAsync(connector);

        Assert.Equal(sandbox.MemberCount(MailchimpSandbox.EventsAudienceId), pages.Sum(p => p.Records.Count));
    }

    [Fact]
    public async Task Never_more_than_ten_requests_are_in_progress_at_once()
    {
        await using var connector = Connect();
        var ids = sandbox.MemberEmails(Audience).Take(40).Select(e => sandbox.Member(Audience, e)!["contact_id"]!.GetValue<string>()).ToList();
        sandbox.Faults.SlowDelay = TimeSpan.FromMilliseconds(50);
        sandbox.Faults.SlowResponses(40);

        var records = await connector.GetAsync(ids, Ct);

        Assert.Equal(40, records.Count);
        Assert.InRange(sandbox.MostConcurrentRequests, 2, 10);
    }

    [Fact]
    public async Task Two_connections_of_one_mailchimp_user_share_its_ten_simultaneous_requests()
    {
        await using var first = Connect();
        await using var second = Connect();
        var ids = sandbox.MemberEmails(Audience).Take(40).Select(e => sandbox.Member(Audience, e)!["contact_id"]!.GetValue<string>()).ToList();
        sandbox.Faults.SlowDelay = TimeSpan.FromMilliseconds(50);
        sandbox.Faults.SlowResponses(80);

        var both = await Task.WhenAll(first.GetAsync(ids, Ct), second.GetAsync(ids, Ct));

        Assert.Equal([40, 40], both.Select(r => r.Count));
        Assert.InRange(sandbox.MostConcurrentRequests, 2, 10);
    }
}
