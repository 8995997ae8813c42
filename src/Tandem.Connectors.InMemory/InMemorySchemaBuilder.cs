using System.Globalization;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.InMemory;

/// <summary>
/// Builds the <see cref="AppSchema"/> an in-memory app pretends to have: a typical CRM to start from,
/// then custom fields of any type, read-only fields and choice fields with options.
/// </summary>
public sealed class InMemorySchemaBuilder
{
    private readonly List<FieldDefinition> fields = [];

    private InMemorySchemaBuilder()
    {
    }

    /// <summary>
    /// A typical CRM: <c>name.first</c>, <c>name.last</c>, <c>emails</c> (list), <c>phones</c> (list),
    /// <c>org</c>, <c>title</c>, <c>birthday</c> (date) and <c>note</c>, each with its role.
    /// </summary>
    public static InMemorySchemaBuilder Crm() => new InMemorySchemaBuilder()
        .Add(new FieldDefinition(StandardFieldKeys.FirstName, "First name", FieldType.Text) { Role = FieldRole.FirstName })
        .Add(new FieldDefinition(StandardFieldKeys.LastName, "Last name", FieldType.Text) { Role = FieldRole.LastName })
        .Add(new FieldDefinition(StandardFieldKeys.Emails, "Emails", FieldType.Email) { IsList = true, Role = FieldRole.Emails })
        .Add(new FieldDefinition(StandardFieldKeys.Phones, "Phones", FieldType.Phone) { IsList = true, Role = FieldRole.Phones })
        .Add(new FieldDefinition(StandardFieldKeys.Org, "Company", FieldType.Text) { Role = FieldRole.Company })
        .Add(new FieldDefinition(StandardFieldKeys.Title, "Job title", FieldType.Text) { Role = FieldRole.JobTitle })
        .Add(new FieldDefinition(StandardFieldKeys.Birthday, "Birthday", FieldType.Date) { Role = FieldRole.Birthday })
        .Add(new FieldDefinition(StandardFieldKeys.Note, "Note", FieldType.Text) { Role = FieldRole.Notes });

    /// <summary>
    /// Adds the tags field (<see cref="TagsField"/>) over the app's tag container: an address book's categories, which
    /// sync by default with another address book's, or (<paramref name="addressBook"/> false) a CRM's tags, which
    /// <paramref name="ignoresCase"/> makes one tag whatever their case (as Mailchimp's).
    /// </summary>
    public InMemorySchemaBuilder WithTags(bool addressBook = true, bool ignoresCase = false) =>
        Add(addressBook ? TagsField.Categories() : TagsField.Labels(ignoresCase: ignoresCase));

    /// <summary>A schema with no fields yet.</summary>
    public static InMemorySchemaBuilder Empty() => new();

    /// <summary>The CRM schema as an <see cref="AppSchema"/>.</summary>
    public static AppSchema DefaultSchema() => Crm().Build();

    /// <summary>
    /// Adds <c>name.full</c> (role full name); unless <paramref name="keepParts"/>, removes the first and
    /// last name, as an app with a single name field (the other side of a join/split mapping).
    /// </summary>
    public InMemorySchemaBuilder WithFullName(bool keepParts = false)
    {
        if (!keepParts)
        {
            fields.RemoveAll(f => f.Role is FieldRole.FirstName or FieldRole.LastName);
        }

        var first = fields.FindIndex(f => f.Role != FieldRole.None && f.Role > FieldRole.FullName);
        var fullName = new FieldDefinition(StandardFieldKeys.FullName, "Name", FieldType.Text) { Role = FieldRole.FullName };
        fields.Insert(first < 0 ? fields.Count : first, fullName);
        return this;
    }

    public InMemorySchemaBuilder Add(FieldDefinition field)
    {
        fields.Add(field);
        return this;
    }

    /// <summary>Removes the field with this key, if present.</summary>
    public InMemorySchemaBuilder Without(string key)
    {
        fields.RemoveAll(f => f.Key == key);
        return this;
    }

    /// <summary>Adds a custom field.</summary>
    public InMemorySchemaBuilder AddCustom(string key, string label, FieldType type, bool isList = false, bool isReadOnly = false) =>
        Add(new FieldDefinition(key, label, type) { IsList = isList, IsReadOnly = isReadOnly, IsCustom = true });

    /// <summary>
    /// Adds a custom choice field whose options have ids "1", "2", … (as Pipedrive numbers them) and these labels.
    /// Values of the field are option ids.
    /// </summary>
    public InMemorySchemaBuilder AddChoice(string key, string label, bool multiple, params IEnumerable<string> optionLabels)
    {
        var options = optionLabels.Select((l, i) => new ChoiceOption((i + 1).ToString(CultureInfo.InvariantCulture), l)).ToArray();
        return Add(new FieldDefinition(key, label, multiple ? FieldType.MultipleChoice : FieldType.SingleChoice)
        {
            IsCustom = true,
            Options = options,
        });
    }

    /// <summary>
    /// Adds one custom field of every <see cref="FieldType"/>, keyed <c>custom.&lt;type&gt;</c> in lower case
    /// (choice fields with options "Red", "Green", "Blue"), and a read-only number <c>custom.readonly</c>.
    /// </summary>
    public InMemorySchemaBuilder AddEveryType()
    {
        // Tags are no custom field: an app has at most one tags field (see WithTags).
        foreach (var type in Enum.GetValues<FieldType>().Where(t => t != FieldType.Tags))
        {
            var key = "custom." + type.ToString().ToLowerInvariant();
            _ = type is FieldType.SingleChoice or FieldType.MultipleChoice
                ? AddChoice(key, "Custom " + type, type == FieldType.MultipleChoice, "Red", "Green", "Blue")
                : AddCustom(key, "Custom " + type, type);
        }

        return AddCustom("custom.readonly", "Custom read-only", FieldType.Number, isReadOnly: true);
    }

    public AppSchema Build() => new(fields);
}
