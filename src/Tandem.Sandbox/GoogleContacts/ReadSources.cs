using Microsoft.Extensions.Primitives;

namespace Tandem.Sandbox.GoogleContacts;

/// <summary>
/// The <c>sources</c> a read names: <c>READ_SOURCE_TYPE_CONTACT</c>, <c>READ_SOURCE_TYPE_PROFILE</c> (and others the
/// sandbox has no data for). Unset means contact and profile, as the People API documents for every read and write
/// answer, so a contact linked to a Google profile answers the profile's items too unless the caller asks for contact
/// data only.
/// </summary>
internal static class ReadSources
{
    public const string Contact = "READ_SOURCE_TYPE_CONTACT";

    public const string Profile = "READ_SOURCE_TYPE_PROFILE";

    /// <summary>True when the answer carries profile items.</summary>
    public static bool IncludeProfile(StringValues sources) =>
        sources.Count == 0 || sources.Any(s => s is not null && s.Split(',').Contains(Profile, StringComparer.Ordinal));

    /// <summary>True when a write's body (<c>sources</c> array) asks for profile items in its answer.</summary>
    public static bool IncludeProfile(System.Text.Json.Nodes.JsonArray? sources) =>
        sources is null || sources.Count == 0 || sources.Any(s => s?.GetValue<string>() == Profile);
}
