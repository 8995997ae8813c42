using System.Globalization;
using System.Text.Json.Nodes;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Pipeliner.Internal;

/// <summary>
/// Canonical values into the properties of a <c>batch-modify</c> object. A value Pipeliner cannot hold (a choice its
/// data set lacks, a sales unit or user the space does not have) refuses the write with a sentence naming the field by
/// its label, before anything is sent.
/// </summary>
internal sealed class ContactWriter
{
    private static readonly Dictionary<string, string> TextProperties = new(StringComparer.Ordinal)
    {
        [StandardFieldKeys.FirstName] = "first_name",
        [PipelinerFieldKeys.MiddleName] = "middle_name",
        [StandardFieldKeys.LastName] = "last_name",
        [PipelinerFieldKeys.Salutation] = "title",
        [StandardFieldKeys.Org] = "quick_account_name",
        [StandardFieldKeys.Title] = "position",
        [StandardFieldKeys.Note] = "comments",
    };

    private static readonly string[] AddressParts = ["address", "city", "state_province", "zip_code", "country"];

    private readonly SpaceDirectory directory;

    public ContactWriter(SpaceDirectory directory)
    {
        this.directory = directory;
    }

    /// <summary>
    /// Sets one field on <paramref name="body"/> (null clears it); returns why Pipeliner cannot hold the value, or null.
    /// Keys Pipeliner has no field for are left alone.
    /// </summary>
    public string? Set(JsonObject body, string key, FieldValue? value)
    {
        if (TextProperties.TryGetValue(key, out var property))
        {
            body[property] = Text(value) ?? string.Empty;
            return null;
        }

        switch (key)
        {
            case StandardFieldKeys.Emails:
                Slots(body, "email", value);
                return null;
            case StandardFieldKeys.Phones:
                Slots(body, "phone", value);
                return null;
            case StandardFieldKeys.Addresses:
                var parts = Primary(value) is { } address ? Values.Parts(address) : new string[AddressParts.Length];
                for (var i = 0; i < AddressParts.Length; i++)
                {
                    body[AddressParts[i]] = i < parts.Length ? parts[i] ?? string.Empty : string.Empty;
                }

                return null;
            case PipelinerFieldKeys.Owner:
                return SetOwner(body, Text(value));
            case PipelinerFieldKeys.SalesUnit:
                return SetUnit(body, Text(value));
            case StandardFieldKeys.Gender:
                if (PipelinerGender.Code(Text(value)) is not { } code)
                {
                    return $"Pipeliner's Gender can only be male, female or non-binary, not \u201c{Text(value)}\u201d.";
                }

                body["gender"] = code;
                return null;
        }

        var custom = directory.Custom.FirstOrDefault(c => PipelinerSchema.KeyOf(c, directory) == key);
        return custom is null ? null : SetCustom(body, custom, Primary(value));
    }

    /// <summary>The tags after an update: the current ones, with additions and without removals; null when they do not change.</summary>
    public static JsonArray? Tags(IEnumerable<string> current, UpdateOperation update)
    {
        var now = current.ToList();
        var next = now.Where(t => !update.RemoveTags.Contains(t, StringComparer.Ordinal)).Concat(update.AddTags.Where(t => !now.Contains(t, StringComparer.Ordinal))).Distinct(StringComparer.Ordinal).ToList();
        return next.SequenceEqual(now, StringComparer.Ordinal) ? null : new JsonArray([.. next.Select(t => (JsonNode)t)]);
    }

    private string? SetOwner(JsonObject body, string? owner)
    {
        if (owner is null)
        {
            // Pipeliner requires an owner: clearing it keeps the one the contact has.
            return null;
        }

        if (directory.ClientId(owner) is not { } id)
        {
            return $"Owner: Pipeliner has no user '{owner}'.";
        }

        body["owner_id"] = id;
        return null;
    }

    private string? SetUnit(JsonObject body, string? unit)
    {
        if (unit is null)
        {
            return null;
        }

        if (directory.UnitId(unit) is not { } id)
        {
            return $"Sales unit: Pipeliner has no sales unit '{unit}'.";
        }

        body["unit_id"] = id;
        return null;
    }

    private static string? SetCustom(JsonObject body, CustomField field, ScalarValue? value)
    {
        if (value is null)
        {
            body[field.ApiName] = field.Type == FieldType.MultipleChoice ? new JsonArray() : null;
            return null;
        }

        switch (field.Type)
        {
            case FieldType.SingleChoice:
                if (field.OptionId(value.Text) is not { } option)
                {
                    return $"{field.Name}: '{value.Text}' is not one of its options in Pipeliner.";
                }

                body[field.ApiName] = option;
                return null;
            case FieldType.MultipleChoice:
                var labels = Values.Parts(value);
                var missing = labels.FirstOrDefault(l => field.OptionId(l) is null);
                if (missing is not null)
                {
                    return $"{field.Name}: '{missing}' is not one of its options in Pipeliner.";
                }

                body[field.ApiName] = new JsonArray([.. labels.Select(l => (JsonNode)field.OptionId(l)!)]);
                return null;
            case FieldType.Boolean:
                body[field.ApiName] = value.Text == "true";
                return null;
            case FieldType.Number:
                body[field.ApiName] = decimal.Parse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
                return null;
            case FieldType.Date:
                if (!PartialDate.TryParse(value.Text, out var date))
                {
                    return $"{field.Name}: '{value.Text}' is not a date.";
                }

                body[field.ApiName] = new DateOnly(date.Year ?? ContactReader.NoYear, date.Month, date.Day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                return null;
            default:
                body[field.ApiName] = value.Text;
                return null;
        }
    }

    /// <summary>The list's entries into the five slots, its primary entry first; slots left over are emptied, entries past five dropped.</summary>
    private static void Slots(JsonObject body, string prefix, FieldValue? value)
    {
        var entries = value switch
        {
            ListValue list => list.Items.Select(i => i.Value.Text).ToList(),
            ScalarValue scalar => [scalar.Text],
            _ => [],
        };
        for (var i = 0; i < 5; i++)
        {
            body[prefix + (i + 1).ToString(CultureInfo.InvariantCulture)] = i < entries.Count ? entries[i] : string.Empty;
        }
    }

    private static ScalarValue? Primary(FieldValue? value) => value switch
    {
        ListValue list => list.Primary,
        ScalarValue scalar => scalar,
        _ => null,
    };

    private static string? Text(FieldValue? value) => Primary(value)?.Text is { Length: > 0 } text ? text : null;

    /// <summary>A body's last name, when it has one.</summary>
    public static string? LastName(JsonObject body) => JsonFields.Text(body, "last_name");
}
