using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.Woodpecker;

/// <summary>
/// <c>/rest/v1/prospects</c> (list, delete) and <c>/rest/v1/add_prospects_list</c> (add, or upsert with
/// <c>update</c>), as developers.woodpecker.co describes them.
/// </summary>
internal sealed class ProspectEndpoints
{
    /// <summary>"You can add up to 20 000 prospects per request."</summary>
    public const int MaxProspectsPerRequest = 20_000;

    /// <summary>"Number of records per page. Default: 100, maximum: 1000."</summary>
    public const int MaxPerPage = 1000;

    /// <summary>The longest request URL the delete accepts (NOTES.md §8: about 4,100 characters, some 360 ids).</summary>
    public const int MaxUrlLength = 4100;

    private readonly ProspectStore store;
    private readonly WoodpeckerSandboxOptions options;

    public ProspectEndpoints(ProspectStore store, WoodpeckerSandboxOptions options)
    {
        this.store = store;
        this.options = options;
    }

    /// <summary>A page of prospects, with the count of all that match in <c>X-Total-Count</c>; an empty page is 204.</summary>
    public IResult List(HttpContext context)
    {
        var query = context.Request.Query;
        var page = Number(query["page"], 1, "page");
        var perPage = Math.Min(Number(query["per_page"], 100, "per_page"), MaxPerPage);
        IEnumerable<StoredProspect> matching = store.Snapshot();
        if (query["id"].FirstOrDefault() is { } id)
        {
            var wanted = Number(id, 0, "id");
            matching = matching.Where(p => p.Id == wanted);
        }

        if (query["status"].FirstOrDefault() is { Length: > 0 } status)
        {
            matching = matching.Where(p => string.Equals(p.Status, status, StringComparison.OrdinalIgnoreCase));
        }

        var sorted = Sort(matching, query["sort"].FirstOrDefault()).ToList();
        context.Response.Headers["X-Total-Count"] = sorted.Count.ToString(CultureInfo.InvariantCulture);
        var shown = sorted.Skip((page - 1) * perPage).Take(perPage).Select(p => (JsonNode)p.ToJson(options.SnippetLabels)).ToArray();
        return shown.Length == 0 ? WoodpeckerAnswers.NoContent() : WoodpeckerAnswers.Ok(new JsonArray(shown));
    }

    public IResult Add(JsonObject body)
    {
        if (body["prospects"] is not JsonArray items || items.Count == 0)
        {
            throw new WoodpeckerApiException(400, "E_REQUIRED_ELEMENT", "Element Prospects is required");
        }

        if (items.Count > MaxProspectsPerRequest)
        {
            throw WoodpeckerApiException.WrongParam("At most 20000 prospects per request");
        }

        // The docs send "update": true; the Swagger file types it as the string "true": both are accepted.
        var update = body["update"] is JsonValue flag && (flag.TryGetValue<bool>(out var b) ? b : flag.TryGetValue<string>(out var s) && s == "true");
        var results = store.Upsert(items.OfType<JsonObject>().ToList(), update);
        return WoodpeckerAnswers.Ok(new JsonObject
        {
            ["prospects"] = new JsonArray(results.Select(r => (JsonNode)r).ToArray()),
            ["status"] = new JsonObject { ["status"] = "OK", ["code"] = "OK", ["msg"] = "Prospects processed" },
        });
    }

    /// <summary><c>DELETE /rest/v1/prospects?id=1,2,3</c>: 200 with an empty body; unknown ids are ignored.</summary>
    public IResult Delete(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.Value!.Length + request.QueryString.Value!.Length > MaxUrlLength)
        {
            throw WoodpeckerApiException.WrongParam("The request URL is too long");
        }

        var ids = (request.Query["id"].FirstOrDefault() ?? throw WoodpeckerApiException.WrongParam("id is required"))
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(i => Number(i, 0, "id"))
            .ToList();
        store.Delete(ids);
        return Results.Ok();
    }

    private static IEnumerable<StoredProspect> Sort(IEnumerable<StoredProspect> prospects, string? sort)
    {
        IOrderedEnumerable<StoredProspect>? ordered = null;
        foreach (var term in (sort ?? "+id").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var descending = term.StartsWith('-');
            var field = term.TrimStart('+', '-');
            Func<StoredProspect, IComparable> key = field switch
            {
                "id" => p => p.Id,
                "updated" => p => p.Updated,
                "status" => p => p.Status,
                _ when ProspectFields.Writable.Contains(field) => p => p.Field(field),
                _ => throw WoodpeckerApiException.WrongParam("Invalid sort field"),
            };
            ordered = (ordered, descending) switch
            {
                (null, false) => prospects.OrderBy(key),
                (null, true) => prospects.OrderByDescending(key),
                (_, false) => ordered.ThenBy(key),
                (_, true) => ordered.ThenByDescending(key),
            };
        }

        // Ties keep id order, so a page boundary inside a second is stable between calls.
        return ordered?.ThenBy(p => p.Id) ?? prospects;
    }

    private static int Number(string? text, int fallback, string name) =>
        text is null ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
        : throw WoodpeckerApiException.WrongParam("Invalid " + name);

    private static int Number(Microsoft.Extensions.Primitives.StringValues values, int fallback, string name) => Number(values.FirstOrDefault(), fallback, name);
}
