using System.Collections.Immutable;
using System.Globalization;
using Tandem.Connectors.Contract;
using Tandem.Connectors.InMemory;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Bench.Synthetic;

/// <summary>
/// An app whose contacts are computed from their index and never stored: record <c>{prefix}{i}</c> is the
/// sample contact number <c>offset + i</c>. Writes are counted and acknowledged; nothing else is kept,
/// so a sync against it measures the engine's own memory. Faithful for a first sync and for quiet syncs
/// (its change feed is always empty), not for anything that reads back what was written.
/// </summary>
public sealed class SyntheticApp
{
    private long writeCalls;
    private long creates;
    private long updates;
    private long readCalls;

    public SyntheticApp(string prefix, int count, int offset)
    {
        Prefix = prefix;
        Count = count;
        Offset = offset;
    }

    public string Prefix { get; }

    public int Count { get; }

    public int Offset { get; }

    public AppSchema Schema { get; } = InMemorySchemaBuilder.DefaultSchema();

    public ConnectorCapabilities Capabilities { get; } = InMemoryCapabilities.Crm with { ReadBatchSize = 500, WriteBatchSize = 100 };

    public long WriteCalls => Interlocked.Read(ref writeCalls);

    public long Creates => Interlocked.Read(ref creates);

    public long Updates => Interlocked.Read(ref updates);

    public long ReadCalls => Interlocked.Read(ref readCalls);

    public SyntheticConnector Connect() => new(this);

    /// <summary>The record with this index, built afresh on every call.</summary>
    public ContactRecord Record(int index) =>
        new(Prefix + index.ToString(CultureInfo.InvariantCulture), SampleContacts.For(Offset + index, Schema)) { Version = "v1" };

    /// <summary>The index of one of this app's generated ids, or null for ids it created for writes or never had.</summary>
    public int? IndexOf(string id) =>
        id.StartsWith(Prefix, StringComparison.Ordinal)
        && int.TryParse(id.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
        && index < Count
            ? index
            : null;

    internal void CountRead() => Interlocked.Increment(ref readCalls);

    internal void CountWrite() => Interlocked.Increment(ref writeCalls);

    /// <summary>A deterministic id for a created record: the creation number under a prefix no generated id has.</summary>
    internal string NextCreatedId() => Prefix + "new" + Interlocked.Increment(ref creates).ToString(CultureInfo.InvariantCulture);

    internal void CountUpdate() => Interlocked.Increment(ref updates);

    internal static ImmutableDictionary<string, FieldValue> Apply(ImmutableDictionary<string, FieldValue> fields, UpdateOperation update)
    {
        var builder = fields.ToBuilder();
        foreach (var change in update.Changes)
        {
            if (change.Value is null)
            {
                builder.Remove(change.Key);
            }
            else
            {
                builder[change.Key] = change.Value;
            }
        }

        return builder.ToImmutable();
    }
}
