using System.Text;
using Tandem.Connectors.Pipedrive;

namespace Tandem.Connectors.Pipedrive.Tests;

public sealed class PipedriveWebhookDeliveryTests
{
    [Fact]
    public void A_delivery_parses_from_v2_and_v1_shapes_other_objects_are_empty_and_garbage_is_refused()
    {
        Assert.Equal(["12"], PipedriveWebhookDelivery.Parse("""{"meta":{"action":"create","entity":"person","entity_id":"12"},"data":{"id":12},"previous":null}""").Changed);
        Assert.Equal(["12"], PipedriveWebhookDelivery.Parse("""{"v":1,"meta":{"action":"deleted","object":"person","id":12},"current":null}""").Deleted);
        Assert.True(PipedriveWebhookDelivery.Parse("""{"meta":{"action":"change","entity":"deal","entity_id":"3"}}""").IsEmpty);
        Assert.Throws<FormatException>(() => PipedriveWebhookDelivery.Parse("not json"));
        Assert.Throws<FormatException>(() => PipedriveWebhookDelivery.Parse("""{"data":{}}"""));
        Assert.Throws<FormatException>(() => PipedriveWebhookDelivery.Parse("""{"meta":{"action":"change","entity":"person","entity_id":"x1"}}"""));
        Assert.False(PipedriveWebhookDelivery.IsAuthorized(null, "u", "p"));
        Assert.False(PipedriveWebhookDelivery.IsAuthorized("Basic !!!", "u", "p"));
        Assert.True(PipedriveWebhookDelivery.IsAuthorized("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("u:p")), "u", "p"));
    }
}
