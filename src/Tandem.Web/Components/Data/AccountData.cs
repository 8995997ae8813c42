using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Web.Components.Data;

/// <summary>An account's fields (compound fields expanded into their parts, as the engine maps them) and a few real contacts for previews.</summary>
public sealed record AccountData(AppSchema Schema, IReadOnlyList<ContactRecord> Samples)
{
    public static AccountData Of(AppSchema schema, IReadOnlyList<ContactRecord> samples) => new(SchemaExpansion.Expand(schema), samples);
}
