using Tandem.Domain.Fields;

namespace Tandem.Connectors.InMemory.Internal;

/// <summary>Whether a value fits a field of the app's schema, the way a real app validates a write.</summary>
internal static class SchemaCheck
{
    /// <summary>Why the value cannot go into the field, or null when it can.</summary>
    public static string? Problem(AppSchema schema, string key, FieldValue? value, bool allowReadOnly)
    {
        var field = schema.Find(key);
        if (field is null)
        {
            return $"The app has no field '{key}'.";
        }

        // Like every app's tag container: tags come as tags added and removed, never as a field's value.
        if (field.Type == FieldType.Tags)
        {
            return $"The field '{key}' is the app's tags; they are written as tags, not as a field.";
        }

        if (field.IsReadOnly && !allowReadOnly)
        {
            return $"The field '{key}' is read-only.";
        }

        if (value is null)
        {
            return null;
        }

        if (value.Type != field.Type)
        {
            return $"The field '{key}' holds {field.Type} values, not {value.Type}.";
        }

        switch (value)
        {
            case ListValue when !field.IsList:
                return $"The field '{key}' holds one value, not a list.";
            case ScalarValue when field.IsList:
                return $"The field '{key}' holds a list.";
            case ScalarValue scalar when field.Options.Count > 0 && !OptionsExist(field, scalar):
                return $"The field '{key}' has no such option.";
            default:
                return null;
        }
    }

    private static bool OptionsExist(FieldDefinition field, ScalarValue value)
    {
        var ids = field.Type == FieldType.MultipleChoice ? Values.Parts(value) : [value.Text];
        return ids.All(id => field.Options.Any(o => o.Id == id));
    }
}
