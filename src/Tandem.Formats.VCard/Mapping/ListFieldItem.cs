using Tandem.Formats.VCard.Cards;
using Tandem.Domain.Fields;

namespace Tandem.Formats.VCard.Mapping;

/// <summary>One property of a repeated field as Tandem reads it: the property, its labelled value, its preference rank.</summary>
internal sealed record ListFieldItem(VCardProperty Property, LabelledValue Value, int Rank);
