using System.Collections.Immutable;
using Tandem.Connectors.Contract;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Connectors.InMemory.Tests;

/// <summary>Write operations as the engine would build them.</summary>
internal static class Ops
{
    private static int next;

    public static CreateOperation Create(string email, string? clientReference = null, string? phone = null)
    {
        var fields = ImmutableDictionary.CreateBuilder<string, FieldValue>(StringComparer.Ordinal);
        fields["emails"] = SampleContacts.List(Values.Email(email));
        if (phone is not null)
        {
            fields["phones"] = SampleContacts.List(Values.Phone(phone));
        }

        var id = NextId();
        return new CreateOperation(id, clientReference ?? "ref-" + id, fields.ToImmutable(), ImmutableSortedSet<string>.Empty);
    }

    public static UpdateOperation SetTitle(string recordId, string? expectedVersion, string title) =>
        new(NextId(), recordId, expectedVersion) { Changes = [new FieldChange("title", Values.Text(title))] };

    public static string NextId() => "op-" + Interlocked.Increment(ref next);
}
