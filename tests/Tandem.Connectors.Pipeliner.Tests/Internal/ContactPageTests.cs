using System.Text.Json.Nodes;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Pipeliner.Internal;

namespace Tandem.Connectors.Pipeliner.Tests.Internal;

/// <summary>A list page is read whole or not at all: a malformed one stops the run and is never read as deletions.</summary>
public sealed class ContactPageTests
{
    [Theory]
    [InlineData("""{"success":true,"data":{"id":"a"},"page_info":{"has_next_page":false}}""")]
    [InlineData("""{"success":true,"data":[{"first_name":"no id"}],"page_info":{"has_next_page":false}}""")]
    [InlineData("""{"success":true,"data":[]}""")]
    [InlineData("""{"success":true,"data":[{"id":"a"}],"page_info":{"has_next_page":true}}""")]
    [InlineData("""{"success":true,"data":[{"id":"a"}],"page_info":{"has_next_page":"maybe"}}""")]
    public void A_page_that_is_not_pipeliners_shape_is_an_error_for_the_run(string body)
    {
        var error = Assert.Throws<ConnectorException>(() => ContactPage.Read((JsonObject)JsonNode.Parse(body)!, "entities/Contacts"));

        Assert.Equal("Pipeliner answered a page of Contacts that cannot be read; the run stops, and nothing is taken as deleted.", error.Message);
    }

    [Fact]
    public void A_last_page_has_no_next_cursor_and_a_middle_page_its_end_cursor()
    {
        var last = ContactPage.Read((JsonObject)JsonNode.Parse("""{"success":true,"data":[{"id":"a"}],"page_info":{"has_next_page":false,"end_cursor":"x"}}""")!, "entities/Contacts");
        var middle = ContactPage.Read((JsonObject)JsonNode.Parse("""{"success":true,"data":[{"id":"a"},{"id":"b"}],"page_info":{"has_next_page":true,"end_cursor":"x"}}""")!, "entities/Contacts");

        Assert.Null(last.Next);
        Assert.Equal("x", middle.Next);
        Assert.Equal(["a", "b"], middle.Items.Select(ContactReader.Id));
    }

    [Fact]
    public void A_saved_cursor_that_cannot_be_read_asks_for_a_rescan()
    {
        Assert.Throws<CursorExpiredException>(() => FeedCursor.Parse("v1|not-a-number|2026-01-01 00:00:00.000000+00:00|"));
        Assert.Equal("2026-01-01 10:00:00.000001+00:00", FeedCursor.Parse("v1|0|2026-01-01 10:00:00.000001+00:00|b,a").Advance([("c", "2026-01-01 10:00:00.000001+00:00")], DateTimeOffset.UnixEpoch).Stamp);
    }
}
