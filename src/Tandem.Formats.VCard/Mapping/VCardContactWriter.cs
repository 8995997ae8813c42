using Tandem.Formats.VCard.Cards;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Formats.VCard.Mapping;

/// <summary>
/// Applies field changes to a card, touching only the properties Tandem's fields own. Changes must have
/// passed <see cref="VCardChangeValidator"/>.
/// </summary>
internal static class VCardContactWriter
{
    public static void Apply(VCardCard card, IReadOnlyList<FieldChange> changes, string? defaultRegion)
    {
        var byKey = new Dictionary<string, FieldValue?>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            byKey[change.Key] = change.Value;
        }

        NameWriter.Apply(card, byKey);
        foreach (var spec in ListFieldSpec.All)
        {
            if (byKey.TryGetValue(spec.Key, out var list))
            {
                ListFieldWriter.Apply(card, spec, (ListValue?)list, defaultRegion);
            }
        }

        if (byKey.TryGetValue(StandardFieldKeys.Org, out var org))
        {
            SetOrgComponent(card, 0, Text(org));
        }

        if (byKey.TryGetValue(StandardFieldKeys.Department, out var department))
        {
            SetOrgComponent(card, 1, Text(department));
        }

        SetTextIfChanged(card, byKey, StandardFieldKeys.Title, "TITLE");
        SetTextIfChanged(card, byKey, StandardFieldKeys.Note, "NOTE");
        if (byKey.TryGetValue(StandardFieldKeys.Birthday, out var birthday))
        {
            SetBirthday(card, birthday is ScalarValue b && PartialDate.TryParse(b.Text, out var date) ? date : null);
        }

        ApplyPersonal(card, byKey);

        EnsureFullName(card, defaultRegion);
    }

    /// <summary>vCard requires FN: a card left without one gets it from N, else ORG, else the primary email.</summary>
    private static void EnsureFullName(VCardCard card, string? defaultRegion)
    {
        if (card.Find("FN") is { } fn && VCardText.Unescape(fn.RawValue).Trim().Length > 0)
        {
            return;
        }

        var derived = NameParts.Of(card).Joined;
        if (derived.Length == 0)
        {
            derived = VCardContactReader.OrgName(card)?.Trim() ?? string.Empty;
        }

        if (derived.Length == 0)
        {
            derived = ListFieldReader.Read(card, ListFieldSpec.Emails, defaultRegion)?.Primary.Text ?? string.Empty;
        }

        card.SetFirst("FN", new VCardProperty(null, "FN", [], VCardText.Escape(derived)));
    }

    private static void ApplyPersonal(VCardCard card, Dictionary<string, FieldValue?> byKey)
    {
        if (byKey.TryGetValue(StandardFieldKeys.Nickname, out var nickname))
        {
            // NICKNAME is a comma-separated list: commas stay separators, so "Gigi,Gi" remains two nicknames.
            SetRaw(card, "NICKNAME", Text(nickname) is { } n ? VCardText.Escape(n).Replace(@"\,", ",", StringComparison.Ordinal) : null);
        }

        if (byKey.TryGetValue(StandardFieldKeys.Photo, out var photo))
        {
            PhotoProperty.Write(card, photo as ScalarValue);
        }

        if (byKey.TryGetValue(StandardFieldKeys.Anniversary, out var anniversary))
        {
            AnniversaryProperty.Write(card, anniversary is ScalarValue a && PartialDate.TryParse(a.Text, out var date) ? date : null);
        }

        if (byKey.TryGetValue(StandardFieldKeys.Gender, out var gender))
        {
            GenderProperty.Write(card, Text(gender));
        }

        SetTextIfChanged(card, byKey, StandardFieldKeys.Pronouns, "PRONOUNS");
        if (byKey.TryGetValue(StandardFieldKeys.CustomProperties, out var custom))
        {
            CustomProperties.Write(card, custom as ListValue);
        }
    }

    /// <summary>Sets one component of ORG, keeping the others; ORG goes once every component is empty.</summary>
    private static void SetOrgComponent(VCardCard card, int index, string? text)
    {
        var existing = card.Find("ORG");
        var parts = existing is null ? [] : VCardText.Components(existing.RawValue);
        while (parts.Count <= index)
        {
            parts.Add(string.Empty);
        }

        parts[index] = text ?? string.Empty;
        while (parts.Count > 1 && parts[^1].Length == 0)
        {
            parts.RemoveAt(parts.Count - 1);
        }

        if (parts.All(p => p.Length == 0))
        {
            card.RemoveAll("ORG");
            return;
        }

        var value = VCardText.JoinComponents(parts);
        card.SetFirst("ORG", existing?.WithValue(value) ?? new VCardProperty(null, "ORG", [], value));
    }

    private static void SetRaw(VCardCard card, string propertyName, string? raw)
    {
        if (raw is null)
        {
            card.RemoveAll(propertyName);
            return;
        }

        var existing = card.Find(propertyName);
        card.SetFirst(propertyName, existing?.WithValue(raw) ?? new VCardProperty(null, propertyName, [], raw));
    }

    private static void SetTextIfChanged(VCardCard card, Dictionary<string, FieldValue?> byKey, string key, string propertyName)
    {
        if (byKey.TryGetValue(key, out var value))
        {
            SetText(card, propertyName, Text(value));
        }
    }

    /// <summary>Sets the first property with this name (keeping its group and parameters), or removes them all.</summary>
    internal static void SetText(VCardCard card, string propertyName, string? text)
    {
        if (text is null)
        {
            card.RemoveAll(propertyName);
            return;
        }

        var escaped = VCardText.Escape(text);
        var existing = card.Find(propertyName);
        card.SetFirst(propertyName, existing?.WithValue(escaped) ?? new VCardProperty(null, propertyName, [], escaped));
    }

    private static void SetBirthday(VCardCard card, PartialDate? date)
    {
        if (date is not { } d)
        {
            card.RemoveAll("BDAY");
            return;
        }

        // Parameters of the old value (VALUE=text, X-APPLE-OMIT-YEAR) may not fit the new date: write a plain date.
        var group = card.Find("BDAY")?.Group;
        card.SetFirst("BDAY", new VCardProperty(group, "BDAY", [], VCardDate.Format(d, card.IsVersion4)));
    }

    private static string? Text(FieldValue? value) => (value as ScalarValue)?.Text;

    /// <summary>Builds the fields of a create as changes, so a create and an update share one code path.</summary>
    public static List<FieldChange> AsChanges(IEnumerable<KeyValuePair<string, FieldValue>> fields) =>
        fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new FieldChange(f.Key, f.Value)).ToList();
}
