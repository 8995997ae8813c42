namespace Tandem.Web.Services.Mappings;

/// <summary>The matches that replace a one-way connection's field mappings.</summary>
/// <param name="Choices">Every source field to send, with its target; source fields left out are not sent.</param>
public sealed record VariableMatchingSave(IReadOnlyList<VariableMatchingChoice> Choices);
