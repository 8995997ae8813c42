using Tandem.Connectors.VCardFolder.VCard;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.VCardFolder.Mapping;

/// <summary>One property of a repeated field as Tandem reads it: the property, its labelled value, its preference rank.</summary>
internal sealed record ListFieldItem(VCardProperty Property, LabelledValue Value, int Rank);
