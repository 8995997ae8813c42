using Tandem.Connectors.InMemory;
using Tandem.Domain.Fields;

namespace Tandem.Bench.Scenarios;

/// <summary>
/// Two in-memory apps of <c>size</c> contacts each, half of them sharing an email (the same sample
/// contact): A holds sample contacts 0 … size−1, B holds size/2 … size/2+size−1.
/// </summary>
public sealed class InMemoryWorld
{
    private InMemoryWorld(InMemoryApp a, InMemoryApp b, IReadOnlyList<string> idsA, int size)
    {
        A = a;
        B = b;
        IdsA = idsA;
        Size = size;
    }

    public InMemoryApp A { get; }

    public InMemoryApp B { get; }

    /// <summary>A's ids by sample index; those from size/2 on have a twin in B.</summary>
    public IReadOnlyList<string> IdsA { get; }

    public int Size { get; }

    public static InMemoryWorld Seed(int size)
    {
        var capabilities = InMemoryCapabilities.Crm with { ReadBatchSize = 500, WriteBatchSize = 100 };
        var a = new InMemoryApp(new InMemoryAppOptions { Name = "A", IdPrefix = "a", Capabilities = capabilities });
        var b = new InMemoryApp(new InMemoryAppOptions { Name = "B", IdPrefix = "b", Capabilities = capabilities });
        var schema = a.Schema;
        var idsA = a.Seed(size, i => SampleContacts.For(i, schema));
        b.Seed(size, i => SampleContacts.For(i + (size / 2), schema));
        return new InMemoryWorld(a, b, idsA, size);
    }

    /// <summary>The user edits the job title of <paramref name="count"/> of A's contacts that have a twin in B.</summary>
    public void EditMatchedInA(int count, string marker)
    {
        for (var k = 0; k < count; k++)
        {
            var id = IdsA[(Size / 2) + (k * (Size / 2) / count)];
            A.Set(id, "title", Values.Text($"{marker} {k}"));
        }
    }
}
