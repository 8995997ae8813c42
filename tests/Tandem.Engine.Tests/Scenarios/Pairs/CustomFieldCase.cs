using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;

namespace Tandem.Engine.Tests.Scenarios.Pairs;

/// <summary>
/// One custom-field mapping row of a pair and what it must carry: <see cref="Value"/>, set on the <see cref="Source"/>
/// side's field when the contact is added there, arrives in the other side's field as <see cref="Expected"/>
/// (canonical). When <see cref="Back"/> is given the row maps both ways, and <see cref="Back"/> set on the target
/// arrives on the source as <see cref="BackExpected"/>.
/// </summary>
public sealed record CustomFieldCase(string Kind, Side Source, string SourceField, string TargetField, FieldValue Value, string Expected)
{
    public FieldValue? Back { get; init; }

    public string? BackExpected { get; init; }

    public FieldMapping Mapping => Source == Side.A
        ? new FieldMapping(SourceField, TargetField) { Direction = Back is null ? MappingDirection.AToB : MappingDirection.Both }
        : new FieldMapping(TargetField, SourceField) { Direction = Back is null ? MappingDirection.BToA : MappingDirection.Both };

    public override string ToString() => Kind;
}
