using System.Collections.Immutable;
using System.Globalization;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.InMemory;

/// <summary>Deterministic, realistic-looking contacts for seeding demos and benchmarks.</summary>
public static class SampleContacts
{
    private static readonly string[] FirstNames = ["Ann", "Bram", "Chloe", "Dirk", "Eva", "Femke", "Gert", "Hanna", "Ivo", "Jana", "Koen", "Lotte"];
    private static readonly string[] LastNames = ["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet"];
    private static readonly string[] Companies = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay"];

    /// <summary>
    /// Fields of the sample contact number <paramref name="index"/>, for whichever of the name, email
    /// and company roles <paramref name="schema"/> has. Emails are unique per index; phones are left
    /// out because parsing them dominates the cost of seeding 200,000 contacts.
    /// </summary>
    public static ImmutableDictionary<string, FieldValue> For(int index, AppSchema schema)
    {
        var first = FirstNames[index % FirstNames.Length];
        var last = LastNames[(index / FirstNames.Length) % LastNames.Length];
        var number = index.ToString(CultureInfo.InvariantCulture);
        var fields = ImmutableDictionary.CreateBuilder<string, FieldValue>(StringComparer.Ordinal);
        Put(fields, schema.FindRole(FieldRole.FirstName), Values.Text(first));
        Put(fields, schema.FindRole(FieldRole.LastName), Values.Text(last));
        Put(fields, schema.FindRole(FieldRole.FullName), Values.Text(first + " " + last));
        Put(fields, schema.FindRole(FieldRole.Company), Values.Text(Companies[index % Companies.Length]));
        var email = Values.Email($"{first}.{last.Replace(" ", string.Empty, StringComparison.Ordinal)}.{number}@example.com");
        Put(fields, schema.FindRole(FieldRole.Emails), email);
        return fields.ToImmutable();
    }

    /// <summary>A one-item labelled list, the shape of the CRM schema's <c>emails</c> and <c>phones</c>.</summary>
    public static ListValue List(ScalarValue value, string label = "work") => new(value.Type, [new LabelledValue(label, value)]);

    private static void Put(ImmutableDictionary<string, FieldValue>.Builder fields, FieldDefinition? field, ScalarValue value)
    {
        if (field is not null && field.Type == value.Type)
        {
            fields[field.Key] = field.IsList ? List(value) : value;
        }
    }
}
