using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Mailchimp;

/// <summary>A member as the API shows it (<c>GET /lists/{list_id}/members/{subscriber_hash}</c>).</summary>
internal static class MemberShape
{
    /// <summary>The batch answer's members are the shorter shape of the spec (no web_id, source, full_name, consents, unsubscribe_reason).</summary>
    public static JsonObject InBatch(JsonObject member)
    {
        foreach (var name in new[] { "web_id", "source", "full_name", "consents_to_one_to_one_messaging", "unsubscribe_reason" })
        {
            member.Remove(name);
        }

        return member;
    }

    public static JsonObject Render(StoredAudience audience, StoredMember member)
    {
        var merges = new JsonObject();
        foreach (var field in audience.MergeFields)
        {
            merges[field.Tag] = MergeValues.Show(member.Merges.GetValueOrDefault(field.Tag));
        }

        var first = member.Merges.GetValueOrDefault("FNAME") is { } f ? MergeValues.FormText(f) : string.Empty;
        var last = member.Merges.GetValueOrDefault("LNAME") is { } l ? MergeValues.FormText(l) : string.Empty;
        var tags = member.TagIds.Select(id => (JsonNode)new JsonObject { ["id"] = id, ["name"] = audience.TagNames[id] }).ToArray();
        var shape = new JsonObject
        {
            ["id"] = AudienceStore.Hash(member.Email),
            ["email_address"] = member.Email,
            ["unique_email_id"] = member.UniqueEmailId,
            ["contact_id"] = member.ContactId,
            ["full_name"] = (first + " " + last).Trim(),
            ["web_id"] = member.WebId,
            ["email_type"] = member.EmailType,
            ["status"] = member.Status,
            ["consents_to_one_to_one_messaging"] = true,
            ["merge_fields"] = merges,
            ["stats"] = new JsonObject { ["avg_open_rate"] = 0, ["avg_click_rate"] = 0 },
            ["ip_signup"] = string.Empty,
            ["timestamp_signup"] = AudienceStore.Stamp(member.SignedUp),
            ["ip_opt"] = string.Empty,
            ["timestamp_opt"] = AudienceStore.Stamp(member.Opted),
            ["member_rating"] = 2,
            ["last_changed"] = AudienceStore.Stamp(member.LastChanged),
            ["language"] = member.Language,
            ["vip"] = member.Vip,
            ["email_client"] = string.Empty,
            ["source"] = member.Source,
            ["tags_count"] = tags.Length,
            ["tags"] = new JsonArray(tags.Take(50).Select(t => t!.DeepClone()).ToArray()),
            ["list_id"] = audience.Id,
        };
        // Members show every interest of the audience, true or false; an audience without groups shows none.
        var interests = audience.AllInterests.ToList();
        if (interests.Count > 0)
        {
            shape["interests"] = new JsonObject(interests.Select(i => KeyValuePair.Create(i.Id, (JsonNode?)member.Interests.Contains(i.Id))));
        }

        if (member.UnsubscribeReason is { } reason)
        {
            shape["unsubscribe_reason"] = reason;
        }

        return shape;
    }
}
