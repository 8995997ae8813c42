using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tandem.Connectors.Testing.Hostile;

namespace Tandem.Connectors.Workbooks.Tests.Hostile;

/// <summary>
/// Workbooks as a hostile server plays it: honest metadata (no custom fields), hostile <c>crm/people.api</c> whose
/// endless pages hold more people (changed one second apart) than were asked for, so each asks for the next.
/// </summary>
internal sealed class WorkbooksHostileVendor : HostileVendor
{
    public override bool IsListing(HttpRequest request) => request.Path == "/crm/people.api";

    public override JsonObject Setup(HttpRequest request, Uri server) => new()
    {
        ["success"] = true,
        ["total"] = 1,
        ["data"] = new JsonArray(new JsonObject { ["class_name"] = "Private::Crm::Person", ["fields"] = new JsonArray() }),
    };

    public override JsonObject Page(int number, bool more)
    {
        var rows = new JsonArray();
        for (var i = 0; more && i < 200; i++)
        {
            var at = DateTimeOffset.UnixEpoch.AddDays(1).AddSeconds((number * 200) + i);
            rows.Add(new JsonObject
            {
                ["id"] = (number * 200) + i,
                ["lock_version"] = 0,
                ["updated_at"] = at.ToString("ddd MMM dd HH:mm:ss 'UTC' yyyy", System.Globalization.CultureInfo.InvariantCulture),
                ["is_deleted"] = false,
            });
        }

        return new JsonObject { ["success"] = true, ["total"] = rows.Count, ["data"] = rows };
    }
}
