using Tandem.Connectors.Mailchimp.Webhooks;

namespace Tandem.Connectors.Mailchimp.Tests;

/// <summary>The connector's reader of list-webhook posts, on posts written by hand.</summary>
public sealed class MailchimpWebhookParserTests
{
    [Fact]
    public void The_parser_refuses_a_post_that_is_not_a_Mailchimp_event()
    {
        Assert.Throws<FormatException>(() => MailchimpWebhookParser.Parse("hello=world"));
        Assert.Throws<FormatException>(() => MailchimpWebhookParser.Parse("type=subscribe&fired_at=2026-11-23+12%3A00%3A00"));
        var parsed = MailchimpWebhookParser.Parse("type=unsubscribe&fired_at=2026-11-23+12%3A00%3A01&data%5Blist_id%5D=a1&data%5Bemail%5D=x%40example.com&data%5Baction%5D=delete&data%5Breason%5D=manual");
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 12, 0, 1, TimeSpan.Zero), parsed.FiredAt);
        Assert.True(parsed.IsDeletion);
    }

    [Fact]
    public void An_unsubscribe_by_the_member_is_an_unsubscribe_and_a_cleaned_address_too()
    {
        var unsub = MailchimpWebhookParser.Parse([new("type", "unsubscribe"), new("fired_at", "2026-11-23 12:00:00"), new("data[list_id]", "a1"), new("data[email]", "u@example.com"), new("data[action]", "unsub"), new("data[reason]", "manual")]);
        var cleaned = MailchimpWebhookParser.Parse([new("type", "cleaned"), new("fired_at", "2026-11-23 12:00:00"), new("data[list_id]", "a1"), new("data[email]", "c@example.com"), new("data[reason]", "hard")]);
        var profile = MailchimpWebhookParser.Parse([new("type", "profile"), new("fired_at", "2026-11-23 12:00:00"), new("data[list_id]", "a1"), new("data[email]", "p@example.com")]);

        Assert.True(unsub.IsUnsubscribe);
        Assert.False(unsub.IsDeletion);
        Assert.True(cleaned.IsUnsubscribe);
        Assert.Equal("hard", cleaned.Reason);
        Assert.False(profile.IsUnsubscribe);
        Assert.False(profile.IsDeletion);
        Assert.Equal("p@example.com", profile.Email);
    }
}
