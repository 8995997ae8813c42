using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;
using Tandem.Domain.Rules;
using Tandem.Web.Services.Catalog;
using Tandem.Web.Services.Fields;
using Tandem.Web.Services.Mappings;

namespace Tandem.Web.Services.Connections;

/// <summary>
/// Checks a connection's settings against both accounts' fields and apps before anything is saved: rules from
/// each app's vocabulary (Domain's <see cref="RuleValidator"/>), mappings through the engine's own compiler,
/// options only where both apps support them. Returns every problem, in words.
/// </summary>
public static class ConnectionValidator
{
    public const int MaxNameLength = 200;

    public static IReadOnlyList<string> Check(
        string name,
        ConnectionSettings settings,
        AccountSchema a,
        AccountSchema b,
        ConnectorCapabilities capabilitiesA,
        ConnectorCapabilities capabilitiesB,
        string appNameA,
        string appNameB)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(capabilitiesA);
        ArgumentNullException.ThrowIfNull(capabilitiesB);
        var errors = new List<string>();
        if (name.Length > MaxNameLength)
        {
            errors.Add($"A connection's name can have at most {MaxNameLength} characters.");
        }

        if (!string.Equals(settings.ContactType, AppCatalogService.Contacts, StringComparison.Ordinal))
        {
            errors.Add($"The contact type '{settings.ContactType}' is not offered by both apps; use 'contacts'.");
        }

        if (!Enum.IsDefined(settings.Direction) || !Enum.IsDefined(settings.WinningSide))
        {
            errors.Add("The direction must be TwoWay, AToB or BToA, and the winning side A or B.");
            return errors;
        }

        CheckWritable(settings.Direction, capabilitiesA, capabilitiesB, appNameA, appNameB, errors);
        CheckRules(Side.A, settings.RulesA, a, b, capabilitiesA, capabilitiesB, appNameA, appNameB, errors);
        CheckRules(Side.B, settings.RulesB, b, a, capabilitiesB, capabilitiesA, appNameB, appNameA, errors);

        var mappings = MappingService.Check(settings.Mappings.Count == 0 ? Domain.Mapping.DefaultMappings.For(a.Schema, b.Schema) : settings.Mappings, a, b);
        errors.AddRange(mappings.Problems);
        errors.AddRange(mappings.Rows.Where(r => r.Refused is not null).Select(r => $"Mapping {r.ALabel} ↔ {r.BLabel}: {r.Refused}"));

        var available = OptionAvailability.Of(capabilitiesA, capabilitiesB, appNameA, appNameB, settings.Direction);
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

        return errors;
    }

    private static void CheckWritable(SyncDirection direction, ConnectorCapabilities a, ConnectorCapabilities b, string nameA, string nameB, List<string> errors)
    {
        if (direction.Allows(Side.A) && b.IsReadOnly)
        {
            errors.Add($"{nameB} cannot be written to: make the connection one-way from {nameB} to {nameA}.");
        }

        if (direction.Allows(Side.B) && a.IsReadOnly)
        {
            errors.Add($"{nameA} cannot be written to: make the connection one-way from {nameA} to {nameB}.");
        }
    }

    private static void CheckRules(
        Side side,
        IReadOnlyList<Rule> rules,
        AccountSchema own,
        AccountSchema other,
        ConnectorCapabilities ownCapabilities,
        ConnectorCapabilities otherCapabilities,
        string ownName,
        string otherName,
        List<string> errors)
    {
        var where = $"Rules of {ownName} (side {side})";
        foreach (var rule in rules)
        {
            foreach (var filter in rule.Filters.Where(f => f.Kind != FilterKind.ExistsInOtherApp && !ownCapabilities.Filters.Contains(f.Kind)))
            {
                errors.Add($"{where}: rule “{rule.Id}” tests {filter.Kind}, which {ownName} does not offer; it offers {string.Join(", ", ownCapabilities.Filters.Append(FilterKind.ExistsInOtherApp))}.");
            }

            foreach (var action in rule.Actions.Where(x => !otherCapabilities.Actions.Contains(x.Kind)))
            {
                errors.Add($"{where}: rule “{rule.Id}” runs {action.Kind} in {otherName}, which {otherName} does not offer{(otherCapabilities.Actions.Count == 0 ? "" : $"; it offers {string.Join(", ", otherCapabilities.Actions)}")}.");
            }
        }

        errors.AddRange(RuleValidator.Validate(rules, own.Schema, other.Schema, own.DefaultRegion).Select(e => $"{where}: {e.Message}"));
    }
}
