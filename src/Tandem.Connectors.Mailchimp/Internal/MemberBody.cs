using System.Text.Json.Nodes;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Mailchimp.Internal;

/// <summary>
/// The parts of a member body built from canonical values: <c>merge_fields</c> by tag, and the <c>interests</c> of the
/// groups among them (every interest of each category given, true or false; other categories are left out). A value a
/// field cannot hold is left out and its reason returned (the first one), so the write can fail with it.
/// </summary>
internal static class MemberBody
{
    public static (JsonObject Merges, string? Refusal) Merges(IEnumerable<(string Key, FieldValue? Value)> values, AudienceSchema schema)
    {
        var merges = new JsonObject();
        string? refusal = null;
        foreach (var (key, value) in values)
        {
            if (!schema.ByKey.TryGetValue(key, out var field))
            {
                // The email, status and groups are not merge fields; keys of other apps were refused by mapping validation.
                continue;
            }

            try
            {
                merges[field.Tag] = MergeValueWriter.Write(field, value);
            }
            catch (FormatException ex)
            {
                refusal ??= ex.Message;
            }
        }

        return (merges, refusal);
    }

    public static (JsonObject Interests, string? Refusal) Interests(IEnumerable<(string Key, FieldValue? Value)> values, AudienceSchema schema)
    {
        var interests = new JsonObject();
        string? refusal = null;
        foreach (var (key, value) in values)
        {
            if (schema.Groups?.ByKey.GetValueOrDefault(key) is not { } category)
            {
                continue;
            }

            try
            {
                foreach (var (id, on) in AudienceGroups.Write(category, value))
                {
                    interests[id] = on;
                }
            }
            catch (FormatException ex)
            {
                refusal ??= ex.Message;
            }
        }

        return (interests, refusal);
    }
}
