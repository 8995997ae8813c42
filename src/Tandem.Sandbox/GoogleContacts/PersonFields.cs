namespace Tandem.Sandbox.GoogleContacts;

/// <summary>The Person field names of the discovery document: which may be read, written, and which are singletons.</summary>
internal static class PersonFields
{
    /// <summary>Valid values of <c>updatePersonFields</c> / <c>updateMask</c>.</summary>
    public static readonly HashSet<string> Writable = new(StringComparer.Ordinal)
    {
        "addresses", "biographies", "birthdays", "calendarUrls", "clientData", "emailAddresses", "events", "externalIds",
        "genders", "imClients", "interests", "locales", "locations", "memberships", "miscKeywords", "names", "nicknames",
        "occupations", "organizations", "phoneNumbers", "relations", "sipAddresses", "urls", "userDefined",
    };

    /// <summary>Valid values of <c>personFields</c> / <c>readMask</c>.</summary>
    public static readonly HashSet<string> Readable = new(Writable.Concat(["ageRanges", "coverPhotos", "metadata", "photos", "skills"]), StringComparer.Ordinal);

    /// <summary>Every property of the Person schema; any other name in a request body is an error.</summary>
    public static readonly HashSet<string> Known = new(
        Readable.Concat(["resourceName", "etag", "ageRange", "braggingRights", "relationshipInterests", "relationshipStatuses", "residences", "taglines"]),
        StringComparer.Ordinal);

    /// <summary>Fields a contact may hold at most once.</summary>
    public static readonly HashSet<string> Singletons = new(StringComparer.Ordinal) { "biographies", "birthdays", "genders", "names" };

    /// <summary>Parses a comma-separated field mask; every name must be in <paramref name="valid"/>.</summary>
    public static HashSet<string> ParseMask(string? mask, HashSet<string> valid, string parameter)
    {
        if (string.IsNullOrWhiteSpace(mask))
        {
            throw GoogleApiException.Invalid($"{parameter} mask is required. Please specify one or more valid paths.");
        }

        var fields = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in mask.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var name = raw.StartsWith("person.", StringComparison.Ordinal) ? raw["person.".Length..] : raw;
            if (!valid.Contains(name))
            {
                throw GoogleApiException.Invalid($"Invalid {parameter} mask path: \"{raw}\".");
            }

            fields.Add(name);
        }

        return fields;
    }
}
