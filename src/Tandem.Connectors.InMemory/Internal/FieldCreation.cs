using System.Globalization;
using System.Text;
using Tandem.Connectors.Contract;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.InMemory.Internal;

/// <summary>
/// Adds a custom field to an app's schema the way a CRM's API does: a label not yet in use, a type the app offers,
/// options for a choice field (ids "1", "2", … as Pipedrive numbers them), and a key of its own choosing.
/// </summary>
internal static class FieldCreation
{
    /// <summary>Creates the field under the app's lock, so two creations cannot take one label.</summary>
    /// <exception cref="ConnectorException">The app refuses: a label in use, a type it cannot create, a choice field without options, a read-only app.</exception>
    public static FieldDefinition Create(InMemoryApp app, string label, FieldType type, IReadOnlyList<string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var trimmed = label?.Trim() ?? string.Empty;
        lock (app.Gate)
        {
            if (app.Capabilities.IsReadOnly)
            {
                throw new ConnectorException($"The app '{app.Name}' is read-only: it accepts no new fields.");
            }

            if (!app.CreatableFieldTypes.Contains(type))
            {
                throw new ConnectorException($"The app '{app.Name}' cannot create a field of type {type}.");
            }

            if (trimmed.Length == 0)
            {
                throw new ConnectorException("A field needs a name.");
            }

            var schema = app.Schema;
            if (schema.Fields.Any(f => string.Equals(f.Label, trimmed, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ConnectorException($"The app '{app.Name}' already has a field named “{trimmed}”.");
            }

            var isChoice = type is FieldType.SingleChoice or FieldType.MultipleChoice;
            var labels = options.Select(o => o.Trim()).Where(o => o.Length > 0).ToList();
            if (isChoice && labels.Count == 0)
            {
                throw new ConnectorException("A choice field needs at least one option.");
            }

            var field = new FieldDefinition(KeyFor(schema, trimmed), trimmed, type)
            {
                IsCustom = true,
                Options = isChoice ? labels.Select((l, i) => new ChoiceOption((i + 1).ToString(CultureInfo.InvariantCulture), l)).ToArray() : [],
            };
            app.AddField(field);
            return field;
        }
    }

    /// <summary><c>custom.</c> and the label in lower-case letters and digits, numbered when taken.</summary>
    private static string KeyFor(AppSchema schema, string label)
    {
        var slug = new StringBuilder();
        foreach (var c in label.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var stem = "custom." + (slug.Length == 0 ? "field" : slug.ToString().TrimEnd('-'));
        var key = stem;
        for (var n = 2; schema.Find(key) is not null; n++)
        {
            key = stem + "-" + n.ToString(CultureInfo.InvariantCulture);
        }

        return key;
    }
}
