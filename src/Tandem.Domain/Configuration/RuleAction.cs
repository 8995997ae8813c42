namespace Tandem.Domain.Configuration;

/// <summary>One action of a rule, run on the other side's record when the contact syncs through the rule.</summary>
public sealed record RuleAction(ActionKind Kind, string? Field = null, string? Value = null);
