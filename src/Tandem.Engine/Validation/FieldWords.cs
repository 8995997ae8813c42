using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;

namespace Tandem.Engine.Validation;

/// <summary>How a message names a field: by its label; a key only when the app has no such field (then the key is all there is).</summary>
internal static class FieldWords
{
    public static string Label(AppSchema schema, string key) =>
        key == FieldMapping.NameKey ? "Name" : schema.Find(key)?.Label ?? key;

    /// <summary>True when <paramref name="key"/> names no field of the (expanded) schema; the name is never missing.</summary>
    public static bool IsMissing(AppSchema schema, string key) =>
        key != FieldMapping.NameKey && schema.Find(key) is null;
}
