namespace Tandem.Domain.Fields;

/// <summary>One option of a single- or multiple-choice field: the app's id and the label users see.</summary>
public sealed record ChoiceOption(string Id, string Label);
