namespace Tandem.Connectors.InMemory;

/// <summary>
/// Calls made to an <see cref="InMemoryApp"/> through its connectors, so tests can assert costs
/// ("a poll with nothing changed costs one call", "a quiet sync writes nothing"). Outside edits are
/// not counted. Every call is counted when it arrives, including calls a fault then fails.
/// </summary>
public sealed class InMemoryCallCounters
{
    private long listings;
    private long listPages;
    private long versionListings;
    private long versionListPages;
    private long changeFeedCalls;
    private long getCalls;
    private long findCreatedCalls;
    private long schemaCalls;
    private long writeCalls;
    private long creates;
    private long updates;
    private long deletes;
    private long refusedWriteCalls;
    private long refusedOperations;

    /// <summary>Listings started (<c>ListAllAsync</c>).</summary>
    public long Listings => Interlocked.Read(ref listings);

    /// <summary>Listing pages requested (<c>ListAllAsync</c>).</summary>
    public long ListPages => Interlocked.Read(ref listPages);

    /// <summary>Version listings started (<c>ListVersionsAsync</c>).</summary>
    public long VersionListings => Interlocked.Read(ref versionListings);

    /// <summary>Version listing pages requested.</summary>
    public long VersionListPages => Interlocked.Read(ref versionListPages);

    /// <summary>Change-feed calls (<c>ReadChangesAsync</c>).</summary>
    public long ChangeFeedCalls => Interlocked.Read(ref changeFeedCalls);

    /// <summary>Batch get calls (<c>GetAsync</c>).</summary>
    public long GetCalls => Interlocked.Read(ref getCalls);

    public long FindCreatedCalls => Interlocked.Read(ref findCreatedCalls);

    public long SchemaCalls => Interlocked.Read(ref schemaCalls);

    /// <summary>Write calls (batches), refused ones included.</summary>
    public long WriteCalls => Interlocked.Read(ref writeCalls);

    /// <summary>Create operations received.</summary>
    public long Creates => Interlocked.Read(ref creates);

    /// <summary>Update operations received.</summary>
    public long Updates => Interlocked.Read(ref updates);

    /// <summary>Delete operations received.</summary>
    public long Deletes => Interlocked.Read(ref deletes);

    /// <summary>Write operations received, of every kind.</summary>
    public long WriteOperations => Creates + Updates + Deletes;

    /// <summary>Write calls refused because the app is read-only.</summary>
    public long RefusedWriteCalls => Interlocked.Read(ref refusedWriteCalls);

    /// <summary>Operations refused because the app cannot do them (read-only, deletes, tags, unsubscribes it lacks).</summary>
    public long RefusedOperations => Interlocked.Read(ref refusedOperations);

    /// <summary>Every read call: listing pages, version pages, change-feed calls, gets and find-created calls.</summary>
    public long ReadCalls => ListPages + VersionListPages + ChangeFeedCalls + GetCalls + FindCreatedCalls;

    /// <summary>Sets every counter back to zero (say, after seeding and a first sync).</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref listings, 0);
        Interlocked.Exchange(ref listPages, 0);
        Interlocked.Exchange(ref versionListings, 0);
        Interlocked.Exchange(ref versionListPages, 0);
        Interlocked.Exchange(ref changeFeedCalls, 0);
        Interlocked.Exchange(ref getCalls, 0);
        Interlocked.Exchange(ref findCreatedCalls, 0);
        Interlocked.Exchange(ref schemaCalls, 0);
        Interlocked.Exchange(ref writeCalls, 0);
        Interlocked.Exchange(ref creates, 0);
        Interlocked.Exchange(ref updates, 0);
        Interlocked.Exchange(ref deletes, 0);
        Interlocked.Exchange(ref refusedWriteCalls, 0);
        Interlocked.Exchange(ref refusedOperations, 0);
    }

    public override string ToString() =>
        $"listings {Listings} ({ListPages} pages), version listings {VersionListings} ({VersionListPages} pages), " +
        $"change feed {ChangeFeedCalls}, gets {GetCalls}, find-created {FindCreatedCalls}, writes {WriteCalls} " +
        $"(creates {Creates}, updates {Updates}, deletes {Deletes}; refused calls {RefusedWriteCalls}, refused operations {RefusedOperations})";

    internal void CountListing() => Interlocked.Increment(ref listings);

    internal void CountListPage() => Interlocked.Increment(ref listPages);

    internal void CountVersionListing() => Interlocked.Increment(ref versionListings);

    internal void CountVersionListPage() => Interlocked.Increment(ref versionListPages);

    internal void CountChangeFeedCall() => Interlocked.Increment(ref changeFeedCalls);

    internal void CountGetCall() => Interlocked.Increment(ref getCalls);

    internal void CountFindCreatedCall() => Interlocked.Increment(ref findCreatedCalls);

    internal void CountSchemaCall() => Interlocked.Increment(ref schemaCalls);

    internal void CountWriteCall() => Interlocked.Increment(ref writeCalls);

    internal void CountCreate() => Interlocked.Increment(ref creates);

    internal void CountUpdate() => Interlocked.Increment(ref updates);

    internal void CountDelete() => Interlocked.Increment(ref deletes);

    internal void CountRefusedWriteCall() => Interlocked.Increment(ref refusedWriteCalls);

    internal void CountRefusedOperation() => Interlocked.Increment(ref refusedOperations);
}
