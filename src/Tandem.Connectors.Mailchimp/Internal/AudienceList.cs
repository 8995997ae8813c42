using System.Globalization;
using System.Text.Json.Nodes;
using Tandem.Connectors.Catalog;

namespace Tandem.Connectors.Mailchimp.Internal;

/// <summary>
/// The audiences of a Mailchimp account (<c>GET /lists</c>, pages of 100 by <c>count</c> and <c>offset</c>, only the
/// fields shown asked for), with their member counts, for <c>tandem discover mailchimp</c>.
/// </summary>
internal static class AudienceList
{
    private const int PageSize = 100;

    public static async Task<IReadOnlyList<DiscoveredCollection>> ReadAsync(MailchimpClient client, CancellationToken cancellationToken)
    {
        var found = new List<DiscoveredCollection>();
        while (true)
        {
            var page = await client.GetAsync(
                $"lists?fields=lists.id,lists.name,lists.stats.member_count,total_items&count={PageSize}&offset={found.Count}",
                cancellationToken).ConfigureAwait(false);
            var lists = (page["lists"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            foreach (var list in lists)
            {
                var members = list["stats"]?["member_count"]?.GetValue<long>() ?? 0;
                found.Add(new DiscoveredCollection(
                    list["id"]?.GetValue<string>() ?? string.Empty,
                    list["name"]?.GetValue<string>(),
                    [new("members", members.ToString(CultureInfo.InvariantCulture))],
                    new Dictionary<string, string>()));
            }

            var total = page["total_items"]?.GetValue<long>() ?? 0;
            if (lists.Count < PageSize || found.Count >= total)
            {
                return found;
            }
        }
    }
}
