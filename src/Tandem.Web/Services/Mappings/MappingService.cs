using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using Tandem.Web.Identity;
using Tandem.Web.Services.Fields;

namespace Tandem.Web.Services.Mappings;

/// <summary>
/// The field-mapping step (PRODUCT.md §3 step 7, §5): the default rows for a pair of accounts, a check of any
/// rows (the same compiler the engine uses decides direction and refusals), and the fields a chosen field can map to.
/// </summary>
public sealed class MappingService(FieldService fields)
{
    public async Task<MappingCheck> DefaultsAsync(Owner owner, string accountA, string accountB, CancellationToken cancellationToken)
    {
        var (a, b) = await ReadBothAsync(owner, accountA, accountB, cancellationToken);
        return Check(DefaultMappings.For(a.Schema, b.Schema), a, b);
    }

    public async Task<MappingCheck> CheckAsync(Owner owner, string accountA, string accountB, IReadOnlyList<FieldMapping>? mappings, CancellationToken cancellationToken)
    {
        var (a, b) = await ReadBothAsync(owner, accountA, accountB, cancellationToken);
        return Check(mappings is null || mappings.Count == 0 ? DefaultMappings.For(a.Schema, b.Schema) : mappings, a, b);
    }

    /// <summary>The fields of the other side that <paramref name="field"/> of <paramref name="side"/> can map to.</summary>
    public async Task<IReadOnlyList<CompatibleField>> CompatibleAsync(Owner owner, string accountA, string accountB, Side side, string field, CancellationToken cancellationToken)
    {
        var (a, b) = await ReadBothAsync(owner, accountA, accountB, cancellationToken);
        var result = new List<CompatibleField>();
        foreach (var other in (side == Side.A ? b : a).Schema.Fields)
        {
            var mapping = side == Side.A ? new FieldMapping(field, other.Key) : new FieldMapping(other.Key, field);
            var verdict = Compatibility.Directions(mapping, a.Schema, b.Schema);
            if (verdict.Direction is { } direction)
            {
                result.Add(new CompatibleField(other.Key, other.Label, direction, verdict.Reason));
            }
        }

        return result;
    }

    /// <summary>Compiles <paramref name="mappings"/> against both schemas, row by row.</summary>
    public static MappingCheck Check(IReadOnlyList<FieldMapping> mappings, AccountSchema a, AccountSchema b)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var compiled = MappingCompiler.Compile(mappings, a.Schema, b.Schema, a.DefaultRegion, b.DefaultRegion);
        var rows = mappings.Select(m =>
        {
            var refused = compiled.Refused.FirstOrDefault(r => ReferenceEquals(r.Mapping, m))?.Reason;
            var narrowed = compiled.Narrowed.FirstOrDefault(n => ReferenceEquals(n.Mapping, m));
            MappingDirection? direction = !m.Enabled || refused is not null ? null : narrowed?.Direction ?? m.Direction;
            return new MappingRowView(m, Label(a.Schema, m.AField), Label(b.Schema, m.BField), direction, narrowed?.Reason, refused);
        }).ToList();
        return new MappingCheck(rows, compiled.Problems);
    }

    private async Task<(AccountSchema A, AccountSchema B)> ReadBothAsync(Owner owner, string accountA, string accountB, CancellationToken cancellationToken)
    {
        var a = await fields.ReadAsync(owner, accountA, cancellationToken);
        var b = await fields.ReadAsync(owner, accountB, cancellationToken);
        return (a, b);
    }

    private static string Label(AppSchema schema, string key) =>
        key == FieldMapping.NameKey ? "Name" : schema.Find(key)?.Label ?? key;
}
