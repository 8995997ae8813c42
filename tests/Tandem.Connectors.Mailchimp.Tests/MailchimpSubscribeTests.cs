using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Mailchimp;
using Tandem.Connectors.Testing;
using Tandem.Domain.Configuration;

namespace Tandem.Connectors.Mailchimp.Tests;

/// <summary>The Subscribe action: new members are created subscribed; an existing member is subscribed only when it never was (transactional).</summary>
public sealed partial class MailchimpConformanceTests
{
    [Fact]
    public async Task Subscribe_is_offered_and_transactional_members_read_as_never_subscribed()
    {
        await using var connector = Connect();
        var transactional = sandbox.MemberEmails(Audience, "transactional")[0];
        var subscribed = sandbox.MemberEmails(Audience)[0];

        var records = await connector.GetAsync([IdOf(transactional), IdOf(subscribed)], Ct);

        Assert.True(connector.Capabilities.CanSubscribe);
        Assert.Contains(ActionKind.Subscribe, connector.Capabilities.Actions);
        Assert.True(records.Single(r => r.Id == IdOf(transactional)).NeverSubscribed);
        Assert.False(records.Single(r => r.Id == IdOf(subscribed)).NeverSubscribed);
    }

    [Fact]
    public async Task A_Subscribe_update_subscribes_a_transactional_member_and_leaves_every_other_status_alone()
    {
        await using var connector = Connect();
        var members = new[] { "transactional", "unsubscribed", "cleaned", "pending" }.Select(s => (Status: s, Email: sandbox.MemberEmails(Audience, s)[0])).ToList();
        var archived = sandbox.MemberEmails(Audience, "archived")[0];
        var operations = members.Select(m => new UpdateOperation("s-" + m.Status, IdOf(m.Email), null) { Subscribe = true })
            .Append(new UpdateOperation("s-archived", IdOf(archived), null) { Subscribe = true })
            .ToList();

        var results = await connector.WriteAsync(operations, Ct);

        Assert.All(results.Take(4), r => Assert.True(r.Succeeded, r.Reason));
        Assert.Equal((WriteFailureKind?)WriteFailureKind.NotFound, results[4].Failure);
        Assert.Equal(["subscribed", "unsubscribed", "cleaned", "pending"], members.Select(m => sandbox.Member(Audience, m.Email)!["status"]!.GetValue<string>()));
        Assert.False(results[0].Record!.NeverSubscribed);
        Assert.Equal("archived", sandbox.Member(Audience, archived)!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_create_with_Subscribe_is_subscribed_whatever_the_status_for_new_members()
    {
        var settings = new Dictionary<string, string>(Settings().Values) { ["newMemberStatus"] = "transactional" };
        await using var connector = new MailchimpConnectorFactory(TestRetries.Fast).Create(new AccountSettings(settings), new ConnectorContext(clock, NullLoggerFactory.Instance));

        var results = await connector.WriteAsync(
        [
            NewContact("ref-sub", "subscribe.me@example.com") with { Subscribe = true },
            NewContact("ref-plain", "transactional.me@example.com") with { OperationId = "c-plain" },
        ], Ct);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Reason));
        Assert.Equal("subscribed", sandbox.Member(Audience, "subscribe.me@example.com")!["status"]!.GetValue<string>());
        Assert.Equal("transactional", sandbox.Member(Audience, "transactional.me@example.com")!["status"]!.GetValue<string>());
        Assert.True(results[1].Record!.NeverSubscribed);
    }

    private string IdOf(string email) => sandbox.Member(Audience, email)!["contact_id"]!.GetValue<string>();
}
