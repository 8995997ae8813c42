using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;

namespace Tandem.Engine.Validation;

/// <summary>
/// The matching keys a connection may be saved with: email, phone only where both apps hold phones, a custom
/// unique field only as a single field that exists on each side; each key once.
/// </summary>
internal static class MatchingCheck
{
    public static void Add(IReadOnlyList<MatchKeyChoice> keys, ConnectionSide a, ConnectionSide b, List<string> errors)
    {
        if (keys.Any(k => !Enum.IsDefined(k.Kind)))
        {
            errors.Add("Contacts can be matched on Email, Phone or CustomField.");
            return;
        }

        if (keys.GroupBy(k => k.Kind).Any(g => g.Count() > 1))
        {
            errors.Add("Each matching key can be chosen once.");
        }

        if (keys.Any(k => k.Kind == MatchKeyKind.Phone))
        {
            foreach (var side in new[] { a, b }.Where(s => s.Schema.FindRole(FieldRole.Phones) is null))
            {
                errors.Add($"Matching on phone number needs phone numbers in both apps; {side.AppName} has none.");
            }
        }

        foreach (var key in keys.Where(k => k.Kind == MatchKeyKind.CustomField))
        {
            CheckField(key.FieldA, a, errors);
            CheckField(key.FieldB, b, errors);
        }
    }

    private static void CheckField(string? key, ConnectionSide side, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            errors.Add($"Matching on a unique field needs the field in {side.AppName}.");
        }
        else if (side.Schema.Find(key) is not { } field)
        {
            errors.Add($"{side.AppName} has no field '{key}' to match on.");
        }
        else if (field.IsList)
        {
            errors.Add($"{FieldWords.Label(side.Schema, key)} in {side.AppName} holds several values; a unique field to match on holds one.");
        }
    }
}
