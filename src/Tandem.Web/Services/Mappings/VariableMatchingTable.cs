using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;

namespace Tandem.Web.Services.Mappings;

/// <summary>The variable matching table of a one-way feed: every source field, its preview and its target.</summary>
/// <param name="Direction">The one-way direction.</param>
/// <param name="SourceApp">The source app's display name.</param>
/// <param name="TargetApp">The target app's display name.</param>
/// <param name="Rows">Every source field, the name first, in the source app's order.</param>
/// <param name="CanCreateFields">Whether a target field can be created on the spot (<c>POST /accounts/{id}/fields</c> on the target's account).</param>
/// <param name="CreateFieldsReason">Why it cannot, or null.</param>
/// <param name="Problems">Problems of the feed as a whole (an app with no email field to match by).</param>
/// <param name="CreatableTypes">The types a target field can be created of; empty when it cannot.</param>
public sealed record VariableMatchingTable(
    SyncDirection Direction,
    string SourceApp,
    string TargetApp,
    IReadOnlyList<VariableMatchingRow> Rows,
    bool CanCreateFields,
    string? CreateFieldsReason,
    IReadOnlyList<string> Problems,
    IReadOnlyList<FieldType> CreatableTypes)
{
    public int MatchedCount => Rows.Count(r => r.IsMatched);
}
