using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Mailchimp;

/// <summary>
/// Applies a member body (PUT, PATCH, POST or one member of a batch) under the store's lock: everything is validated
/// before anything changes, so a refused write changes nothing. A real change moves <c>last_changed</c> and raises the
/// webhook events it stands for.
/// </summary>
internal static class MemberWrites
{
    /// <summary>The statuses a write may set; <c>archived</c> is only ever read.</summary>
    public static readonly string[] WritableStatuses = ["subscribed", "unsubscribed", "cleaned", "pending", "transactional"];

    public static void Apply(AudienceStore store, StoredAudience audience, StoredMember member, JsonObject body, string? previousStatus, string source, List<WebhookEvent> events)
    {
        var errors = new List<(string Field, string Message)>();
        var status = Text(body["status"]);
        if (status is not null && !WritableStatuses.Contains(status))
        {
            errors.Add(("status", "Status must be one of subscribed, unsubscribed, cleaned, pending, transactional."));
        }

        var emailType = Text(body["email_type"]);
        if (emailType is not null && emailType is not ("html" or "text"))
        {
            errors.Add(("email_type", "Email type must be html or text."));
        }

        var merges = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (body["merge_fields"] is JsonObject given)
        {
            foreach (var (tag, raw) in given)
            {
                // Unknown merge tags are ignored, as Mailchimp does.
                if (audience.MergeField(tag) is not { } field)
                {
                    continue;
                }

                var (value, error) = MergeValues.Normalize(field, raw);
                if (error is not null)
                {
                    errors.Add(("merge_fields." + field.Tag, error));
                }
                else
                {
                    merges[field.Tag] = value;
                }
            }
        }
        else if (body["merge_fields"] is not null)
        {
            errors.Add(("merge_fields", "Merge fields must be an object."));
        }

        var interests = Interests(audience, body["interests"], errors);
        if (previousStatus is null or "archived")
        {
            foreach (var field in audience.MergeFields.Where(f => f.Required && !merges.ContainsKey(f.Tag) && !member.Merges.ContainsKey(f.Tag)))
            {
                errors.Add(("merge_fields." + field.Tag, "Please enter a value"));
            }
        }

        if (errors.Count > 0)
        {
            throw MailchimpApiException.InvalidFields(errors);
        }

        // Mailchimp never lets the API subscribe someone who unsubscribed or bounced; they must opt in again themselves.
        if (status == "subscribed" && previousStatus is "unsubscribed" or "cleaned")
        {
            throw new MailchimpApiException(400, "Member In Compliance State",
                $"{member.Email} is in a compliance state due to unsubscribe, bounce, or compliance review and cannot be subscribed.");
        }

        var profileChanged = false;
        foreach (var (tag, value) in merges)
        {
            var before = member.Merges.GetValueOrDefault(tag);
            if (!JsonNode.DeepEquals(before, value))
            {
                profileChanged = true;
                if (value is null)
                {
                    member.Merges.Remove(tag);
                }
                else
                {
                    member.Merges[tag] = value;
                }
            }
        }

        foreach (var (id, on) in interests)
        {
            profileChanged |= on ? member.Interests.Add(id) : member.Interests.Remove(id);
        }

        if (emailType is not null && emailType != member.EmailType)
        {
            member.EmailType = emailType;
            profileChanged = true;
        }

        if (body["vip"] is JsonValue vip && vip.TryGetValue<bool>(out var isVip) && isVip != member.Vip)
        {
            member.Vip = isVip;
            profileChanged = true;
        }

        if (Text(body["language"]) is { } language && language != member.Language)
        {
            member.Language = language;
            profileChanged = true;
        }

        var now = store.Now();
        if (status is not null)
        {
            member.Status = status;
            member.UnsubscribeReason = status == "unsubscribed" ? "N/A (Unsubscribed by an admin)" : null;
        }

        var statusChanged = member.Status != previousStatus;
        if (statusChanged && member.Status == "subscribed")
        {
            member.Opted = now;
        }

        if (profileChanged || statusChanged)
        {
            member.LastChanged = now;
        }

        if (statusChanged)
        {
            var type = member.Status switch
            {
                "subscribed" => "subscribe",
                "unsubscribed" => "unsubscribe",
                "cleaned" => "cleaned",
                _ => null,
            };
            if (type is not null)
            {
                events.Add(WebhookData.For(type, source, audience, member, now));
            }
        }
        else if (profileChanged && previousStatus is not null)
        {
            events.Add(WebhookData.For("profile", source, audience, member, now));
        }
    }

    /// <summary>The body's <c>interests</c> map (interest id → in or out); ids the audience does not have are errors.</summary>
    private static List<(string Id, bool On)> Interests(StoredAudience audience, JsonNode? given, List<(string Field, string Message)> errors)
    {
        var result = new List<(string, bool)>();
        if (given is null)
        {
            return result;
        }

        if (given is not JsonObject map)
        {
            errors.Add(("interests", "Interests must be an object of interest ids and booleans."));
            return result;
        }

        var known = audience.AllInterests.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, value) in map)
        {
            if (!known.Contains(id))
            {
                errors.Add(("interests", $"Invalid interest ID: '{id}'."));
            }
            else if (value is JsonValue v && v.TryGetValue<bool>(out var on))
            {
                result.Add((id, on));
            }
            else
            {
                errors.Add(("interests." + id, "Interest values must be true or false."));
            }
        }

        return result;
    }

    public static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
