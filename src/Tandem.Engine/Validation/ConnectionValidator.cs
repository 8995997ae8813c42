using Tandem.Domain.Configuration;
using Tandem.Domain.Mapping;

namespace Tandem.Engine.Validation;

/// <summary>
/// The one set of rules a connection must pass before it is saved, whoever saves it (the wizard, the REST API, a
/// set-up file): a name that fits, the contact type, a direction that never writes into a read-only app, rules in
/// each app's vocabulary, mappings the engine's own compiler accepts, options only where both apps support them and
/// a deletion guard in range. Pure: the caller reads both sides' fields first. Returns every problem, in plain
/// words that name apps by their names and fields by their labels.
/// </summary>
public static class ConnectionValidator
{
    /// <summary>The longest name a connection may have.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The contact type every app offers.</summary>
    public const string Contacts = "contacts";

    /// <param name="name">The connection's name, as it will be saved.</param>
    /// <param name="settings">Everything the user chose.</param>
    /// <param name="a">Side A: its app and the account's fields.</param>
    /// <param name="b">Side B.</param>
    /// <returns>Every problem found; empty when the connection can be saved.</returns>
    public static IReadOnlyList<string> Check(string name, ConnectionSettings settings, ConnectionSide a, ConnectionSide b)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var errors = new List<string>();
        if (name.Length > MaxNameLength)
        {
            errors.Add($"A connection's name can have at most {MaxNameLength} characters.");
        }

        if (!string.Equals(settings.ContactType, Contacts, StringComparison.Ordinal))
        {
            errors.Add($"The contact type '{settings.ContactType}' is not offered by both apps; use '{Contacts}'.");
        }

        if (!Enum.IsDefined(settings.Direction) || !Enum.IsDefined(settings.WinningSide))
        {
            // Only a number sent where a word belongs gets here; the words are the ones the API and set-up files take.
            errors.Add("The direction must be TwoWay, AToB or BToA, and the winning side A or B.");
            return errors;
        }

        // Compound parts ("Budget/Currency") are fields a rule or mapping may name, as in the engine.
        a = a with { Schema = SchemaExpansion.Expand(a.Schema) };
        b = b with { Schema = SchemaExpansion.Expand(b.Schema) };
        CheckWritable(settings.Direction, a, b, errors);
        RuleCheck.Add(Side.A, settings.RulesA, a, b, errors);
        RuleCheck.Add(Side.B, settings.RulesB, b, a, errors);
        CheckMappings(settings.Mappings, a, b, errors);
        CheckOptions(settings, a, b, errors);
        MatchingCheck.Add(settings.MatchOn, a, b, errors);
        return errors;
    }

    /// <summary>
    /// The field-mapping part of <see cref="Check"/> alone, with the same words: the wizard asks it on its Fields step, so a
    /// mapping the engine would refuse is refused in the table rather than at Review.
    /// </summary>
    public static IReadOnlyList<string> CheckFieldMappings(IReadOnlyList<FieldMapping> mappings, ConnectionSide a, ConnectionSide b)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var errors = new List<string>();
        CheckMappings(mappings, a with { Schema = SchemaExpansion.Expand(a.Schema) }, b with { Schema = SchemaExpansion.Expand(b.Schema) }, errors);
        return errors;
    }

    private static void CheckWritable(SyncDirection direction, ConnectionSide a, ConnectionSide b, List<string> errors)
    {
        if (direction.Allows(Side.A) && b.Capabilities.IsReadOnly)
        {
            errors.Add($"{b.AppName} cannot be written to: make the connection one-way from {b.AppName} to {a.AppName}.");
        }

        if (direction.Allows(Side.B) && a.Capabilities.IsReadOnly)
        {
            errors.Add($"{a.AppName} cannot be written to: make the connection one-way from {a.AppName} to {b.AppName}.");
        }

        // A write-only app lists nothing: it can only receive, from the other app.
        if (direction.Allows(Side.A) && a.Capabilities.IsWriteOnly)
        {
            errors.Add($"{a.AppName} cannot be read, only written to: make the connection one-way from {b.AppName} to {a.AppName}.");
        }

        if (direction.Allows(Side.B) && b.Capabilities.IsWriteOnly)
        {
            errors.Add($"{b.AppName} cannot be read, only written to: make the connection one-way from {a.AppName} to {b.AppName}.");
        }
    }

    private static void CheckMappings(IReadOnlyList<FieldMapping> chosen, ConnectionSide a, ConnectionSide b, List<string> errors)
    {
        var mappings = chosen.Count == 0 ? DefaultMappings.For(a.Schema, b.Schema) : chosen;
        var compiled = MappingCompiler.Compile(mappings, a.Schema, b.Schema, a.DefaultRegion, b.DefaultRegion);
        errors.AddRange(compiled.Problems);
        errors.AddRange(compiled.Refused.Select(r =>
            $"Mapping {FieldWords.Label(a.Schema, r.Mapping.AField)} ↔ {FieldWords.Label(b.Schema, r.Mapping.BField)}: {Reason(r.Mapping, r.Reason, a, b)}"));
    }

    // The compiler knows the sides only as "first" and "second"; a missing field is said with the app's name.
    private static string Reason(FieldMapping mapping, string reason, ConnectionSide a, ConnectionSide b) =>
        FieldWords.IsMissing(a.Schema, mapping.AField) ? $"{a.AppName} has no field '{mapping.AField}'."
        : FieldWords.IsMissing(b.Schema, mapping.BField) ? $"{b.AppName} has no field '{mapping.BField}'."
        : reason;

    private static void CheckOptions(ConnectionSettings settings, ConnectionSide a, ConnectionSide b, List<string> errors)
    {
        var available = OptionAvailability.Of(a.Capabilities, b.Capabilities, a.AppName, b.AppName, settings.Direction);
        var options = settings.Options;
        if (options.SyncDeletions && !available.CanSyncDeletions)
        {
            errors.Add($"Sync deletions is not available: {available.SyncDeletions}");
        }

        if (options.SyncUnsubscribes && !available.CanSyncUnsubscribes)
        {
            errors.Add($"Sync unsubscribes is not available: {available.SyncUnsubscribes}");
        }

        if (options.DeleteInTarget && !available.CanDeleteInTarget)
        {
            errors.Add($"Delete in target is not available: {available.DeleteInTarget}");
        }

        if (options.DeletionGuardRatio is <= 0 or > 1 || double.IsNaN(options.DeletionGuardRatio))
        {
            errors.Add("The deletion guard ratio must be above 0 and at most 1 (0.5 trips when a side loses half its contacts).");
        }

        if (options.DeletionGuardMinimum < 0)
        {
            errors.Add("The deletion guard minimum cannot be negative.");
        }
    }
}
