namespace Tandem.Domain.Rules;

/// <summary>A problem with one rule, in words a user understands.</summary>
/// <param name="RuleId">The rule's id.</param>
/// <param name="Message">What is wrong and, where it helps, what to do.</param>
public sealed record RuleError(string RuleId, string Message);
