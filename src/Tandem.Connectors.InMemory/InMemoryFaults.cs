using Tandem.Connectors.Contract;
using Tandem.Connectors.InMemory.Internal;
using Tandem.Domain.Contacts;
using Tandem.Domain.Mapping;

namespace Tandem.Connectors.InMemory;

/// <summary>
/// Fault switches of one <see cref="InMemoryApp"/>, all off by default. They only affect calls made
/// through an <see cref="InMemoryConnector"/>, never the test's own outside edits.
/// "Next N" counters are consumed one per affected call and win over rates; rates are drawn from
/// the app's seeded <see cref="Random"/> (<see cref="InMemoryAppOptions.Seed"/>), so the same seed and
/// the same call order replay the same faults. Switches are read under the app's lock: set them
/// between calls.
/// </summary>
public sealed class InMemoryFaults
{
    private double readFailureRate;
    private double cursorExpiryRate;
    private double writeFailureRate;
    private double lostResponseRate;
    private double staleVersionRate;
    private double flakyVersionRate;

    /// <summary>
    /// The next N read calls throw <see cref="ConnectorException"/> (a transient 503) without answering.
    /// Read calls: each listing page (records or versions), each change-feed call, each get, each find-created.
    /// Schema calls are never failed.
    /// </summary>
    public int FailNextReads { get; set; }

    /// <summary>The chance that any read call (as in <see cref="FailNextReads"/>) throws <see cref="ConnectorException"/>.</summary>
    public double ReadFailureRate { get => readFailureRate; set => readFailureRate = Rate(value); }

    /// <summary>
    /// Partial listing: the next listing (<see cref="IContactConnector.ListAllAsync"/> or
    /// <see cref="IContactConnector.ListVersionsAsync"/>) delivers this many pages, then throws
    /// <see cref="ConnectorException"/> instead of the next one. A listing that ends sooner ends normally.
    /// Consumed when the listing starts. Null: off.
    /// </summary>
    public int? FailNextListingAfterPages { get; set; }

    /// <summary>The next N change-feed calls throw <see cref="CursorExpiredException"/>, whatever the cursor.</summary>
    public int ExpireNextCursors { get; set; }

    /// <summary>The chance that a change-feed call throws <see cref="CursorExpiredException"/>.</summary>
    public double CursorExpiryRate { get => cursorExpiryRate; set => cursorExpiryRate = Rate(value); }

    /// <summary>The next N write calls throw <see cref="ConnectorException"/> (a 5xx) and apply nothing.</summary>
    public int FailNextWrites { get; set; }

    /// <summary>The chance that a write call throws <see cref="ConnectorException"/> and applies nothing.</summary>
    public double WriteFailureRate { get => writeFailureRate; set => writeFailureRate = Rate(value); }

    /// <summary>
    /// Lost responses: the next N write calls apply every operation, then lose the answer, in the
    /// <see cref="LostResponseStyle"/> chosen. The engine must find the writes again (FindCreated, re-read).
    /// </summary>
    public int LoseNextResponses { get; set; }

    /// <summary>The chance that a write call applies its operations and then loses the answer.</summary>
    public double LostResponseRate { get => lostResponseRate; set => lostResponseRate = Rate(value); }

    /// <summary>Whether a lost response throws or returns <see cref="WriteFailureKind.Unknown"/> per operation.</summary>
    public LostResponseStyle LostResponseStyle { get; set; } = LostResponseStyle.Throw;

    /// <summary>The exception a lost response throws in <see cref="LostResponseStyle.Throw"/> style.</summary>
    public Func<Exception> LostResponseException { get; set; } = static () => new TimeoutException("The app did not answer in time.");

    /// <summary>
    /// Rejected values: called with the record as a create or update would leave it; a non-null
    /// reason fails that operation with <see cref="WriteFailureKind.Rejected"/> and that reason,
    /// leaving the record as it was. See <see cref="RejectInvalidPhones"/>.
    /// </summary>
    public Func<ContactRecord, string?>? Reject { get; set; }

    /// <summary>
    /// Stale versions: for the next N updates that carry an expected version, an outside edit slips in
    /// between the engine's read and its write (<see cref="SlippedInEdit"/>), so the update fails with
    /// <see cref="WriteFailureKind.StaleVersion"/>. Updates without an expected version are not counted.
    /// </summary>
    public int StaleNextUpdates { get; set; }

    /// <summary>The chance that an update carrying an expected version meets a slipped-in outside edit.</summary>
    public double StaleVersionRate { get => staleVersionRate; set => staleVersionRate = Rate(value); }

    /// <summary>
    /// The outside edit that slips in for a stale version: the changes to apply to the current record.
    /// Null: the record is only touched (new version, same content).
    /// </summary>
    public Func<ContactRecord, IReadOnlyList<FieldChange>>? SlippedInEdit { get; set; }

    /// <summary>
    /// Flaky etags: the chance that a record returned by a read call gets a new version (and a new place
    /// in the change feed) with unchanged content, just before it is returned. Keep it below 1, or a
    /// change feed never runs dry.
    /// </summary>
    public double FlakyVersionRate { get => flakyVersionRate; set => flakyVersionRate = Rate(value); }

    /// <summary>
    /// Called (outside the app's lock) before each page of a listing or version listing is read, with the
    /// page's index from 0 — after the listing's cursor was taken. Lets a test make outside edits in the
    /// middle of a listing the engine drives, or throw to simulate a kill there.
    /// </summary>
    public Action<int>? BeforeListingPage { get; set; }

    /// <summary>
    /// Called (outside the app's lock) with each write call's operations before the app sees them. Throw
    /// from it to simulate a crash before the call reached the app; edit the app in it to race the write.
    /// </summary>
    public Action<IReadOnlyList<WriteOperation>>? BeforeWrite { get; set; }

    /// <summary>Rejects creates and updates that leave a phone not in E.164 form (the canonical form of an unparseable number).</summary>
    public void RejectInvalidPhones() => Reject = InvalidPhoneRule.Check;

    /// <summary>Turns every switch off.</summary>
    public void Clear()
    {
        FailNextReads = 0;
        readFailureRate = 0;
        FailNextListingAfterPages = null;
        ExpireNextCursors = 0;
        cursorExpiryRate = 0;
        FailNextWrites = 0;
        writeFailureRate = 0;
        LoseNextResponses = 0;
        lostResponseRate = 0;
        LostResponseStyle = LostResponseStyle.Throw;
        Reject = null;
        StaleNextUpdates = 0;
        staleVersionRate = 0;
        SlippedInEdit = null;
        flakyVersionRate = 0;
        BeforeListingPage = null;
        BeforeWrite = null;
    }

    private static double Rate(double value) =>
        value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A rate lies between 0 and 1.");
}
