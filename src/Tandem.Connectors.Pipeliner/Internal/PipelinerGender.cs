using System.Text.Json.Nodes;

namespace Tandem.Connectors.Pipeliner.Internal;

/// <summary>
/// A contact's <c>gender</c>, an integer "0 - Unknown, 1 - Male, 2 - Female, 3 - Non-binary" (the Contact schema of
/// Pipeliner's Power Platform swagger), as the words a vCard's GENDER and Google's genders read as ("male", "female").
/// 0 is no gender: a contact Pipeliner never asked about reads as empty, and an emptied gender is written as 0.
/// </summary>
internal static class PipelinerGender
{
    private static readonly string[] Names = ["male", "female", "non-binary"];

    /// <summary>The words of a gender code, or null for 0, a missing value or a code Pipeliner does not document.</summary>
    public static string? Words(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<int>(out var code) && code is >= 1 and <= 3 ? Names[code - 1] : null;

    /// <summary>The code of the words (any case; "nonbinary" too), 0 for none, or null when Pipeliner has no such gender.</summary>
    public static int? Code(string? words)
    {
        if (string.IsNullOrWhiteSpace(words))
        {
            return 0;
        }

        var wanted = words.Trim().Replace("nonbinary", "non-binary", StringComparison.OrdinalIgnoreCase);
        var index = Array.FindIndex(Names, w => string.Equals(w, wanted, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : index + 1;
    }
}
