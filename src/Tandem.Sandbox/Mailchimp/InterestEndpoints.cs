using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.Mailchimp;

/// <summary>
/// <c>/lists/{list_id}/interest-categories[/{interest_category_id}[/interests[/{interest_id}]]]</c>: list (count, offset,
/// type), add, get, rename (PATCH) and delete interest categories and their interests. Deleting takes the interests out
/// of every member.
/// </summary>
internal sealed class InterestEndpoints
{
    private readonly AudienceStore store;

    public InterestEndpoints(AudienceStore store)
    {
        this.store = store;
    }

    public JsonObject Categories(string listId, IQueryCollection query) => store.Read(() =>
    {
        var audience = store.Audience(listId);
        var (count, offset) = ListEndpoints.Paging(query);
        var type = query["type"].FirstOrDefault();
        var all = audience.InterestCategories.Where(c => string.IsNullOrEmpty(type) || c.Type == type).ToList();
        return new JsonObject
        {
            ["list_id"] = audience.Id,
            ["categories"] = new JsonArray(all.Skip(offset).Take(count).Select(c => (JsonNode)Render(audience, c)).ToArray()),
            ["total_items"] = all.Count,
        };
    });

    public JsonObject Category(string listId, string categoryId) => store.Read(() =>
    {
        var audience = store.Audience(listId);
        return Render(audience, Find(audience, categoryId));
    });

    public JsonObject AddCategory(string listId, JsonObject body) => store.Write(_ =>
    {
        var audience = store.Audience(listId);
        var title = MemberWrites.Text(body["title"])?.Trim();
        var type = MemberWrites.Text(body["type"]);
        Validate(title, type);
        if (audience.InterestCategories.Any(c => string.Equals(c.Title, title, StringComparison.OrdinalIgnoreCase)))
        {
            throw MailchimpApiException.Invalid($"Cannot add \"{title}\" because it already exists on the list.");
        }

        var category = new StoredInterestCategory
        {
            Id = store.NewGroupId(),
            Title = title!,
            Type = type!,
            DisplayOrder = Order(body) ?? audience.InterestCategories.Count,
        };
        audience.InterestCategories.Add(category);
        return Render(audience, category);
    }).Result;

    public JsonObject UpdateCategory(string listId, string categoryId, JsonObject body) => store.Write(_ =>
    {
        var audience = store.Audience(listId);
        var category = Find(audience, categoryId);
        var title = MemberWrites.Text(body["title"])?.Trim() ?? category.Title;
        var type = MemberWrites.Text(body["type"]) ?? category.Type;
        Validate(title, type);
        if (audience.InterestCategories.Any(c => c != category && string.Equals(c.Title, title, StringComparison.OrdinalIgnoreCase)))
        {
            throw MailchimpApiException.Invalid($"Cannot add \"{title}\" because it already exists on the list.");
        }

        category.Title = title;
        category.Type = type;
        category.DisplayOrder = Order(body) ?? category.DisplayOrder;
        return Render(audience, category);
    }).Result;

    public void DeleteCategory(string listId, string categoryId) => store.Write(_ =>
    {
        var audience = store.Audience(listId);
        var category = Find(audience, categoryId);
        Forget(audience, category.Interests);
        audience.InterestCategories.Remove(category);
        return 0;
    });

    public JsonObject Interests(string listId, string categoryId, IQueryCollection query) => store.Read(() =>
    {
        var audience = store.Audience(listId);
        var category = Find(audience, categoryId);
        var (count, offset) = ListEndpoints.Paging(query);
        return new JsonObject
        {
            ["list_id"] = audience.Id,
            ["category_id"] = category.Id,
            ["interests"] = new JsonArray(category.Interests.Skip(offset).Take(count).Select(i => (JsonNode)Render(audience, category, i)).ToArray()),
            ["total_items"] = category.Interests.Count,
        };
    });

    public JsonObject Interest(string listId, string categoryId, string interestId) => store.Read(() =>
    {
        var audience = store.Audience(listId);
        var category = Find(audience, categoryId);
        return Render(audience, category, Find(category, interestId));
    });

    public JsonObject AddInterest(string listId, string categoryId, JsonObject body) => store.Write(_ =>
    {
        var audience = store.Audience(listId);
        var category = Find(audience, categoryId);
        var name = Name(body, category, null);
        var interest = new StoredInterest { Id = store.NewGroupId(), Name = name, DisplayOrder = Order(body) ?? category.Interests.Count };
        category.Interests.Add(interest);
        return Render(audience, category, interest);
    }).Result;

    public JsonObject UpdateInterest(string listId, string categoryId, string interestId, JsonObject body) => store.Write(_ =>
    {
        var audience = store.Audience(listId);
        var category = Find(audience, categoryId);
        var interest = Find(category, interestId);
        interest.Name = body["name"] is null ? interest.Name : Name(body, category, interest);
        interest.DisplayOrder = Order(body) ?? interest.DisplayOrder;
        return Render(audience, category, interest);
    }).Result;

    public void DeleteInterest(string listId, string categoryId, string interestId) => store.Write(_ =>
    {
        var audience = store.Audience(listId);
        var category = Find(audience, categoryId);
        var interest = Find(category, interestId);
        Forget(audience, [interest]);
        category.Interests.Remove(interest);
        return 0;
    });

    private static void Validate(string? title, string? type)
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrEmpty(title))
        {
            errors.Add(("title", "This value should not be blank."));
        }

        if (type is null || !StoredInterestCategory.Types.Contains(type))
        {
            errors.Add(("type", "Type must be one of " + string.Join(", ", StoredInterestCategory.Types) + "."));
        }

        if (errors.Count > 0)
        {
            throw MailchimpApiException.InvalidFields(errors);
        }
    }

    private static string Name(JsonObject body, StoredInterestCategory category, StoredInterest? self)
    {
        var name = MemberWrites.Text(body["name"])?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw MailchimpApiException.InvalidFields([("name", "This value should not be blank.")]);
        }

        return category.Interests.Any(i => i != self && string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase))
            ? throw MailchimpApiException.Invalid($"Cannot add \"{name}\" because it already exists on the list.")
            : name;
    }

    private static int? Order(JsonObject body) => body["display_order"] is JsonValue v && v.TryGetValue<int>(out var order) ? order : null;

    /// <summary>Members leave deleted interests; this is not a change of their profile.</summary>
    private static void Forget(StoredAudience audience, IEnumerable<StoredInterest> interests)
    {
        var ids = interests.Select(i => i.Id).ToList();
        foreach (var member in audience.Members.Values)
        {
            member.Interests.ExceptWith(ids);
        }
    }

    private static StoredInterestCategory Find(StoredAudience audience, string categoryId) =>
        audience.InterestCategories.FirstOrDefault(c => c.Id == categoryId) ?? throw MailchimpApiException.NotFound();

    private static StoredInterest Find(StoredInterestCategory category, string interestId) =>
        category.Interests.FirstOrDefault(i => i.Id == interestId) ?? throw MailchimpApiException.NotFound();

    private static JsonObject Render(StoredAudience audience, StoredInterestCategory category) => new()
    {
        ["list_id"] = audience.Id,
        ["id"] = category.Id,
        ["title"] = category.Title,
        ["display_order"] = category.DisplayOrder,
        ["type"] = category.Type,
    };

    private static JsonObject Render(StoredAudience audience, StoredInterestCategory category, StoredInterest interest) => new()
    {
        ["category_id"] = category.Id,
        ["list_id"] = audience.Id,
        ["id"] = interest.Id,
        ["name"] = interest.Name,

        // The spec types the count as a string.
        ["subscriber_count"] = audience.Members.Values.Count(m => m.Status == "subscribed" && m.Interests.Contains(interest.Id)).ToString(CultureInfo.InvariantCulture),
        ["display_order"] = interest.DisplayOrder,
    };
}
