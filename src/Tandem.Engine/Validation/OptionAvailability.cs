using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;

namespace Tandem.Engine.Validation;

/// <summary>
/// Which options a pair of apps supports in a direction (PRODUCT.md §3 step 8: offered only where both apps support
/// them), each with the reason when it is not.
/// </summary>
/// <param name="SyncDeletions">Null when available, else why not.</param>
/// <param name="SyncUnsubscribes">Null when available, else why not.</param>
/// <param name="DeleteInTarget">Null when available, else why not.</param>
public sealed record OptionAvailability(string? SyncDeletions, string? SyncUnsubscribes, string? DeleteInTarget)
{
    public bool CanSyncDeletions => SyncDeletions is null;

    public bool CanSyncUnsubscribes => SyncUnsubscribes is null;

    public bool CanDeleteInTarget => DeleteInTarget is null;

    /// <param name="a">Side A's app capabilities.</param>
    /// <param name="b">Side B's app capabilities.</param>
    /// <param name="nameA">Side A's app name.</param>
    /// <param name="nameB">Side B's app name.</param>
    /// <param name="direction">The connection's direction.</param>
    public static OptionAvailability Of(ConnectorCapabilities a, ConnectorCapabilities b, string nameA, string nameB, SyncDirection direction)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var flows = new List<(ConnectorCapabilities Source, ConnectorCapabilities Target, string SourceName, string TargetName)>();
        if (direction.Allows(Side.A))
        {
            flows.Add((a, b, nameA, nameB));
        }

        if (direction.Allows(Side.B))
        {
            flows.Add((b, a, nameB, nameA));
        }

        // Both apps must support it: every app that sends reports it, every app that receives can hold the tag.
        string? deletions = flows.All(f => f.Source.DetectsDeletions && CanTag(f.Target))
            ? null
            : $"Needs every sending app to report deletions and every receiving app to have tags; here {Describe(flows, f => f.Source.DetectsDeletions)}.";
        string? unsubscribes = flows.All(f => f.Source.DetectsUnsubscribes && CanTag(f.Target))
            ? null
            : $"Needs every sending app to report unsubscribes and every receiving app to have tags; here {Describe(flows, f => f.Source.DetectsUnsubscribes)}.";
        string? delete = direction == SyncDirection.TwoWay
            ? "Deleting in the target is only for a one-way connection into a list-style app."
            : flows[0].Target.CanDelete && flows[0].Source.DetectsDeletions
                ? null
                : $"{flows[0].TargetName} is not a list-style target where Tandem may delete, or {flows[0].SourceName} does not report deletions.";
        return new OptionAvailability(deletions, unsubscribes, delete);
    }

    private static bool CanTag(ConnectorCapabilities target) => target.TagContainer is not null && !target.IsReadOnly;

    private static string Describe(
        List<(ConnectorCapabilities Source, ConnectorCapabilities Target, string SourceName, string TargetName)> flows,
        Func<(ConnectorCapabilities Source, ConnectorCapabilities Target, string SourceName, string TargetName), bool> reports) =>
        string.Join("; ", flows.Select(f =>
            $"{f.SourceName} {(reports(f) ? "reports them" : "does not report them")} and {f.TargetName} {(CanTag(f.Target) ? "has tags" : "has no tags Tandem can set")}"));
}
