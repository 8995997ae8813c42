namespace Tandem.Domain.Configuration;

/// <summary>
/// IF a contact matches all <see cref="Filters"/> THEN it is created or updated on the other side and
/// the <see cref="Actions"/> run there. A contact syncs if it matches any rule of its side.
/// </summary>
public sealed record Rule
{
    public string Id { get; init; } = "default";

    public IReadOnlyList<Filter> Filters { get; init; } = [];

    public IReadOnlyList<RuleAction> Actions { get; init; } = [];

    /// <summary>Reverse this rule's actions (remove its tags) when the contact stops matching it.</summary>
    public bool UndoWhenLeaving { get; init; }

    /// <summary>The default rule: no filter, no action — everything syncs.</summary>
    public static Rule Everything { get; } = new();
}
