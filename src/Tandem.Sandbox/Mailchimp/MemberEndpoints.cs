using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.Mailchimp;

/// <summary>
/// <c>/lists/{list_id}/members…</c>: list (count/offset, status, since/before_last_changed, sorting), get, PUT upsert,
/// PATCH, POST create, DELETE (archive), <c>actions/delete-permanent</c>, and member tags.
/// </summary>
internal sealed class MemberEndpoints
{
    private readonly AudienceStore store;

    public MemberEndpoints(AudienceStore store)
    {
        this.store = store;
    }

    public JsonObject List(string listId, IQueryCollection query) => store.Read(() =>
    {
        var audience = store.Audience(listId);
        var count = Int(query, "count") ?? 10;
        var offset = Int(query, "offset") ?? 0;
        if (count is < 1 or > 1000 || offset < 0)
        {
            throw MailchimpApiException.Invalid("count must be between 1 and 1000, and offset at least 0.");
        }

        IEnumerable<StoredMember> members = audience.Members.Values;
        var status = query["status"].FirstOrDefault();
        if (status is { Length: > 0 })
        {
            if (!MemberWrites.WritableStatuses.Contains(status) && status != "archived")
            {
                throw MailchimpApiException.Invalid("status must be one of subscribed, unsubscribed, cleaned, pending, transactional, archived.");
            }

            members = members.Where(m => m.Status == status);
        }
        else
        {
            // Archived members are only listed when asked for by status.
            members = members.Where(m => m.Status != "archived");
        }

        if (query["interest_ids"].FirstOrDefault() is { Length: > 0 } interestIds)
        {
            members = InGroups(audience, members, query["interest_category_id"].FirstOrDefault(), interestIds, query["interest_match"].FirstOrDefault());
        }

        if (Time(query, "since_last_changed") is { } since)
        {
            members = members.Where(m => m.LastChanged > since);
        }

        if (Time(query, "before_last_changed") is { } before)
        {
            members = members.Where(m => m.LastChanged < before);
        }

        if (Time(query, "unsubscribed_since") is { } unsubscribedSince)
        {
            members = members.Where(m => m.Status == "unsubscribed" && m.LastChanged > unsubscribedSince);
        }

        Func<StoredMember, DateTimeOffset>? key = query["sort_field"].FirstOrDefault() switch
        {
            null or "" => null,
            "last_changed" => m => m.LastChanged,
            "timestamp_signup" => m => m.SignedUp,
            "timestamp_opt" => m => m.Opted,
            _ => throw MailchimpApiException.Invalid("sort_field must be one of timestamp_opt, timestamp_signup, last_changed."),
        };
        var descending = query["sort_dir"].FirstOrDefault() switch
        {
            null or "" or "ASC" => false,
            "DESC" => true,
            _ => throw MailchimpApiException.Invalid("sort_dir must be ASC or DESC."),
        };
        var ordered = key is null ? members.OrderBy(m => m.Sequence)
            : descending ? members.OrderByDescending(key).ThenByDescending(m => m.Sequence)
            : members.OrderBy(key).ThenBy(m => m.Sequence);
        var all = ordered.ToList();
        return new JsonObject
        {
            ["members"] = new JsonArray(all.Skip(offset).Take(count).Select(m => (JsonNode)MemberShape.Render(audience, m)).ToArray()),
            ["list_id"] = audience.Id,
            ["total_items"] = all.Count,
        };
    });

    public JsonObject Get(string listId, string hash) => store.Read(() =>
    {
        var audience = store.Audience(listId);
        return MemberShape.Render(audience, Member(audience, hash));
    });

    /// <summary>PUT: creates the member with <c>status_if_new</c>, or updates it (re-adds it when archived).</summary>
    public (JsonObject Member, List<WebhookEvent> Events) Upsert(string listId, string hash, JsonObject body, string source) => store.Write(events =>
    {
        var audience = store.Audience(listId);
        var email = MemberWrites.Text(body["email_address"]) ?? throw MailchimpApiException.InvalidFields([("email_address", "This value should not be blank.")]);
        var statusIfNew = MemberWrites.Text(body["status_if_new"]);
        if (AudienceStore.Hash(email) != hash)
        {
            throw MailchimpApiException.Invalid("The subscriber hash does not match the email address.");
        }

        if (audience.Members.TryGetValue(hash, out var existing) && existing.Status != "archived")
        {
            MemberWrites.Apply(store, audience, existing, body, existing.Status, source, events);
            return MemberShape.Render(audience, existing);
        }

        if (statusIfNew is null || !MemberWrites.WritableStatuses.Contains(statusIfNew))
        {
            throw MailchimpApiException.InvalidFields([("status_if_new", "Status if new must be one of subscribed, unsubscribed, cleaned, pending, transactional.")]);
        }

        return Add(audience, email, body["status"] is null ? Copy(body, statusIfNew) : body, source, events);
    });

    /// <summary>POST <c>/members</c>: adds a new member; an existing one is refused ("Member Exists").</summary>
    public (JsonObject Member, List<WebhookEvent> Events) Create(string listId, JsonObject body, string source) => store.Write(events =>
    {
        var audience = store.Audience(listId);
        var email = MemberWrites.Text(body["email_address"]) ?? throw MailchimpApiException.InvalidFields([("email_address", "This value should not be blank.")]);
        if (audience.Members.TryGetValue(AudienceStore.Hash(email), out var existing) && existing.Status != "archived")
        {
            throw new MailchimpApiException(400, "Member Exists", $"{email} is already a list member. Use PUT to insert or update list members.");
        }

        if (MemberWrites.Text(body["status"]) is null)
        {
            throw MailchimpApiException.InvalidFields([("status", "This value should not be blank.")]);
        }

        return Add(audience, email, body, source, events);
    });

    public (JsonObject Member, List<WebhookEvent> Events) Patch(string listId, string hash, JsonObject body, string source) => store.Write(events =>
    {
        var audience = store.Audience(listId);
        hash = Key(audience, hash);
        var member = Member(audience, hash);
        var newEmail = MemberWrites.Text(body["email_address"]);
        var newHash = newEmail is null ? hash : AudienceStore.Hash(newEmail);
        if (member.Status == "archived" && body["status"] is null)
        {
            throw MailchimpApiException.Invalid("This member is archived; give a status to restore it.");
        }

        if (newHash != hash && audience.Members.ContainsKey(newHash))
        {
            throw new MailchimpApiException(400, "Member Exists", $"{newEmail} is already a list member.");
        }

        if (newEmail is not null && !Emails.IsValid(newEmail))
        {
            throw MailchimpApiException.InvalidFields([("email_address", "Please provide a valid email address.")]);
        }

        var oldEmail = member.Email;
        MemberWrites.Apply(store, audience, member, body, member.Status, source, events);
        if (newHash != hash || (newEmail is not null && newEmail != oldEmail))
        {
            audience.Members.Remove(hash);
            member.Email = newEmail!.Trim();
            member.LastChanged = store.Now();
            audience.Members[newHash] = member;
            events.Add(WebhookData.EmailChanged(source, audience, oldEmail, member, member.LastChanged));
        }

        return MemberShape.Render(audience, member);
    });

    /// <summary>DELETE: archives the member (restorable by re-adding).</summary>
    public List<WebhookEvent> Archive(string listId, string hash, string source) => store.Write(events =>
    {
        var audience = store.Audience(listId);
        var member = Member(audience, hash);
        if (member.Status == "archived")
        {
            throw MailchimpApiException.NotFound();
        }

        member.Status = "archived";
        member.LastChanged = store.Now();
        events.Add(WebhookData.For("unsubscribe", source, audience, member, member.LastChanged, action: "archive"));
        return 0;
    }).Events;

    /// <summary>GDPR erasure: the member is gone for good and its address can never be imported again.</summary>
    public List<WebhookEvent> DeletePermanently(string listId, string hash, string source) => store.Write(events =>
    {
        var audience = store.Audience(listId);
        hash = Key(audience, hash);
        var member = Member(audience, hash);
        audience.Members.Remove(hash);
        audience.Forgotten.Add(hash);
        events.Add(WebhookData.For("unsubscribe", source, audience, member, store.Now(), action: "delete"));
        return 0;
    }).Events;

    public JsonObject Tags(string listId, string hash) => store.Read(() =>
    {
        var audience = store.Audience(listId);
        var member = Member(audience, hash);
        var tags = member.TagIds.Select(id => (JsonNode)new JsonObject { ["id"] = id, ["name"] = audience.TagNames[id], ["date_added"] = AudienceStore.Stamp(member.LastChanged) }).ToArray();
        return new JsonObject { ["tags"] = new JsonArray(tags), ["total_items"] = tags.Length };
    });

    /// <summary>POST <c>…/tags</c>: each tag <c>active</c> (added, created when new) or <c>inactive</c> (removed).</summary>
    public List<WebhookEvent> SetTags(string listId, string hash, JsonObject body) => store.Write(events =>
    {
        var audience = store.Audience(listId);
        var member = Member(audience, hash);
        var tags = (body["tags"] as JsonArray ?? throw MailchimpApiException.InvalidFields([("tags", "This value should not be blank.")])).OfType<JsonObject>().ToList();
        var parsed = tags.Select(t => (Name: MemberWrites.Text(t["name"])?.Trim(), Status: MemberWrites.Text(t["status"]))).ToList();
        if (parsed.Any(t => string.IsNullOrEmpty(t.Name) || t.Status is not ("active" or "inactive")))
        {
            throw MailchimpApiException.InvalidFields([("tags", "Each tag needs a name and a status of active or inactive.")]);
        }

        var changed = false;
        foreach (var (name, status) in parsed)
        {
            if (status == "active")
            {
                var id = store.TagId(audience, name!);
                if (!member.TagIds.Contains(id))
                {
                    member.TagIds.Add(id);
                    changed = true;
                }
            }
            else if (audience.TagIds.TryGetValue(name!, out var id) && member.TagIds.Remove(id))
            {
                changed = true;
            }
        }

        if (changed)
        {
            member.LastChanged = store.Now();
        }

        return 0;
    }).Events;

    /// <summary>Adds a member (or restores an archived one) with the body's status; under the store's lock.</summary>
    public JsonObject Add(StoredAudience audience, string email, JsonObject body, string source, List<WebhookEvent> events)
    {
        if (!Emails.IsValid(email))
        {
            throw MailchimpApiException.InvalidFields([("email_address", "Please provide a valid email address.")]);
        }

        var hash = AudienceStore.Hash(email);
        if (audience.Forgotten.Contains(hash))
        {
            throw new MailchimpApiException(400, "Forgotten Email Not Subscribed",
                $"{email} was permanently deleted and cannot be re-imported. The contact must re-subscribe to get back on the list.");
        }

        if (audience.Members.TryGetValue(hash, out var archived))
        {
            MemberWrites.Apply(store, audience, archived, body, "archived", source, events);
            return MemberShape.Render(audience, archived);
        }

        var member = store.NewMember(email, "archived", source, store.Now());
        MemberWrites.Apply(store, audience, member, body, null, source, events);
        if (body["tags"] is JsonArray tags)
        {
            foreach (var name in tags.Select(MemberWrites.Text).OfType<string>())
            {
                member.TagIds.Add(store.TagId(audience, name));
            }
        }

        audience.Members[hash] = member;
        return MemberShape.Render(audience, member);
    }

    /// <summary>A member by hash (or by <c>contact_id</c>, which the API accepts too); archived members are found as well.</summary>
    private static StoredMember Member(StoredAudience audience, string hash) =>
        audience.Members.TryGetValue(Key(audience, hash), out var member) ? member : throw MailchimpApiException.NotFound();

    /// <summary>The subscriber hash a path segment names: itself, or the hash of the member whose <c>contact_id</c> it is.</summary>
    private static string Key(StoredAudience audience, string segment) =>
        audience.Members.ContainsKey(segment) ? segment
        : audience.Members.FirstOrDefault(m => m.Value.ContactId == segment).Key ?? segment;

    /// <summary><c>interest_ids</c> of one <c>interest_category_id</c>, matched <c>any</c>, <c>all</c> or <c>none</c>.</summary>
    private static IEnumerable<StoredMember> InGroups(StoredAudience audience, IEnumerable<StoredMember> members, string? categoryId, string interestIds, string? match)
    {
        var category = audience.InterestCategories.FirstOrDefault(c => c.Id == categoryId)
            ?? throw MailchimpApiException.Invalid("interest_ids must be accompanied by the interest_category_id they belong to, and interest_match.");
        var ids = interestIds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Any(id => category.Interests.All(i => i.Id != id)))
        {
            throw MailchimpApiException.Invalid("interest_ids must be interests of the interest category.");
        }

        return match switch
        {
            "any" => members.Where(m => ids.Any(m.Interests.Contains)),
            "all" => members.Where(m => ids.All(m.Interests.Contains)),
            "none" => members.Where(m => !ids.Any(m.Interests.Contains)),
            _ => throw MailchimpApiException.Invalid("interest_match must be any, all or none."),
        };
    }

    private static JsonObject Copy(JsonObject body, string status)
    {
        var copy = (JsonObject)body.DeepClone();
        copy["status"] = status;
        return copy;
    }

    private static int? Int(IQueryCollection query, string name) =>
        query[name].FirstOrDefault() is { Length: > 0 } text
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw MailchimpApiException.Invalid(name + " must be an integer.")
            : null;

    private static DateTimeOffset? Time(IQueryCollection query, string name) =>
        query[name].FirstOrDefault() is { Length: > 0 } text
            ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : throw MailchimpApiException.Invalid(name + " must be an ISO 8601 time.")
            : null;
}
