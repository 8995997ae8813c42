using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tandem.Sandbox.Kit.Routing;

namespace Tandem.Sandbox.Wooxy;

/// <summary>
/// <c>contact-list/find</c> (by domain, domainId or contactListId, optionally a name; offset and limit, 20 by default),
/// <c>contact-list/get</c> (a list with its custom and default variables) and <c>contact-list/variables/add</c> (custom
/// variables of type ENUM_STRING or ENUM_DATE, lowerCamelCase latin names, for that list only).
/// </summary>
internal sealed partial class ListEndpoints(WooxyStore store, WooxySandboxOptions options)
{
    /// <summary>The default variables every list has, with their types, as <c>contact-list/get</c> lists them.</summary>
    private static readonly (string Name, string Type)[] DefaultVariables =
    [
        ("createdAt", "datetime"), ("updatedAt", "datetime"), ("email", "string"), ("userId", "string"), ("name", "string"),
        ("firstName", "string"), ("lastName", "string"), ("active", "bool"), ("phoneNumber", "string"), ("emailSubscribe", "bool"),
        ("smsSubscribe", "bool"), ("desktopWebPushSubscribe", "bool"), ("mobileWebPushSubscribe", "bool"), ("telegramSubscribe", "bool"),
        ("viberSubscribe", "bool"), ("customerSourceId", "string"), ("sourceName", "string"), ("sourceId", "string"),
        ("avatarLink", "string"), ("facebookLink", "string"), ("instagramLink", "string"), ("linkedInLink", "string"),
        ("twitterLink", "string"), ("tiktokLink", "string"), ("contactBirthday", "date"), ("contactLanguage", "string"),
        ("contactGender", "int"), ("contactTimezone", "string"), ("contactScore", "int"),
    ];

    public void Map(RouteGroupBuilder api)
    {
        api.MapPost("contact-list/find", async Task<IResult> (HttpContext c) => Find(await WooxyBody.ReadAsync(c)));
        api.MapPost("contact-list/get", async Task<IResult> (HttpContext c) => Get(await WooxyBody.ReadAsync(c)));
        api.MapPost("contact-list/variables/add", async Task<IResult> (HttpContext c) => AddVariables(await WooxyBody.ReadAsync(c)));
    }

    private JsonAnswer Find(JsonObject body)
    {
        var listId = WooxyBody.Text(body, "contactListId");
        if (listId is null && WooxyBody.Text(body, "domainId") is null && WooxyBody.Text(body, "domain") is null)
        {
            throw WooxyApiException.BadRequest("Minimum one identification (domainId | domain | contactListId) is required");
        }

        if (WooxyBody.Text(body, "domain") is { } domain && !string.Equals(domain, options.Domain, StringComparison.OrdinalIgnoreCase))
        {
            throw WooxyApiException.NotFound($"Domain {domain} not found");
        }

        var name = WooxyBody.Text(body, "contactListName");
        var offset = Math.Max(0, body["offset"]?.GetValue<int>() ?? 0);
        var limit = Math.Clamp(body["limit"]?.GetValue<int>() ?? 20, 1, 100);
        var lists = store.Read(() => store.Lists
            .Where(l => (listId is null || l.Id == listId) && (name is null || string.Equals(l.Name, name, StringComparison.Ordinal)))
            .Skip(offset).Take(limit).Select(Shape).ToArray());
        return WooxyBody.Ok(new JsonObject { ["result"] = true, ["data"] = new JsonArray(lists) });
    }

    private JsonAnswer Get(JsonObject body)
    {
        var listId = WooxyBody.Text(body, "contactListId");
        var list = store.Read(() => listId is null ? store.Lists.FirstOrDefault(l => l.IsDefault) : store.List(listId))
            ?? throw WooxyApiException.BadRequest("Minimum one identification (domainId | domain | contactListId) is required");
        return WooxyBody.Ok(new JsonObject { ["result"] = true, ["data"] = store.Read(() => Shape(list)) });
    }

    private JsonAnswer AddVariables(JsonObject body)
    {
        var listId = WooxyBody.Required(body, "contactListId");
        var variables = (body["variables"] as JsonArray ?? throw WooxyApiException.BadRequest("Argument variables required")).OfType<JsonObject>().ToList();
        if (variables.Count > options.MaxRecordsPerTransaction)
        {
            throw WooxyApiException.BadRequest($"Maximum count of records per transaction is {options.MaxRecordsPerTransaction}, current {variables.Count}");
        }

        store.Read(() =>
        {
            var list = store.List(listId);
            var added = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var variable in variables)
            {
                var name = WooxyBody.Text(variable, "name") ?? throw WooxyApiException.BadRequest("name of variable can not be empty");
                var type = WooxyBody.Text(variable, "type");
                if (DefaultVariables.Any(d => d.Name == name))
                {
                    throw WooxyApiException.BadRequest($"variable \"{name}\" is reserved and can not be added as custom variable");
                }

                if (!LowerCamelCase().IsMatch(name))
                {
                    throw WooxyApiException.BadRequest($"invalid name of variable {name}");
                }

                if (list.CustomVariables.ContainsKey(name) || added.ContainsKey(name))
                {
                    throw WooxyApiException.BadRequest($"Variable {name} already exists in list {listId}");
                }

                added[name] = type switch
                {
                    "ENUM_STRING" => "string",
                    "ENUM_DATE" => "date",
                    _ => throw WooxyApiException.BadRequest($"invalid variable type {type}"),
                };
            }

            foreach (var (name, type) in added)
            {
                list.CustomVariables[name] = type;
            }

            return 0;
        });
        return WooxyBody.Ok(new JsonObject { ["result"] = true });
    }

    private JsonObject Shape(StoredList list) => new()
    {
        ["contactListName"] = list.Name,
        ["contactListId"] = list.Id,
        ["domainId"] = store.DomainId,
        ["domain"] = options.Domain,
        ["isDefault"] = list.IsDefault ? "1" : "0",
        ["contacts"] = list.Contacts.Count,
        ["customVariables"] = new JsonArray([.. list.CustomVariables.Select(v => (JsonNode)new JsonObject { ["name"] = v.Key, ["type"] = v.Value })]),
        ["defaultVariables"] = new JsonArray([.. DefaultVariables.Select(v => (JsonNode)new JsonObject { ["name"] = v.Name, ["type"] = v.Type })]),
    };

    [GeneratedRegex("^[a-z][a-zA-Z]*$", RegexOptions.CultureInvariant)]
    private static partial Regex LowerCamelCase();
}
