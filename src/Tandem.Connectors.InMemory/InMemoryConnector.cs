using System.Runtime.CompilerServices;
using Tandem.Connectors.Contract;
using Tandem.Connectors.InMemory.Internal;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.InMemory;

/// <summary>
/// <see cref="IContactConnector"/> over an <see cref="InMemoryApp"/>, faithful to the contract the way
/// a careful real connector is: bounded pages, a listing cursor taken before the first page, a change
/// feed in sequence order, batch limits enforced, expected versions checked. Every call is counted in
/// <see cref="InMemoryApp.Calls"/> and may meet a fault scripted in <see cref="InMemoryApp.Faults"/>.
/// </summary>
public sealed class InMemoryConnector : IContactConnector, IFieldCreator
{
    private readonly InMemoryApp app;
    private readonly WriteApplier writes;
    private volatile bool disposed;

    public InMemoryConnector(InMemoryApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        this.app = app;
        writes = new WriteApplier(app);
    }

    public InMemoryApp App => app;

    public ConnectorCapabilities Capabilities => app.Capabilities;

    /// <summary>The app's <see cref="InMemoryApp.CreatableFieldTypes"/>, read on every call.</summary>
    public IReadOnlyList<FieldType> CreatableFieldTypes => app.CreatableFieldTypes;

    /// <summary>Adds a custom field to the app's schema; <see cref="GetSchemaAsync"/> lists it from now on.</summary>
    public Task<FieldDefinition> CreateFieldAsync(string label, FieldType type, IReadOnlyList<string> options, CancellationToken cancellationToken) =>
        Answer(() => FieldCreation.Create(app, label, type, options), cancellationToken);

    public Task<AppSchema> GetSchemaAsync(CancellationToken cancellationToken) => Answer(() =>
    {
        app.Calls.CountSchemaCall();
        return app.Schema;
    }, cancellationToken);

    /// <summary>
    /// Pages of <see cref="ConnectorCapabilities.ReadBatchSize"/> records in creation order; the last page
    /// carries the change sequence taken before the first page, so whatever is written during the
    /// listing comes again through the change feed.
    /// </summary>
    public async IAsyncEnumerable<RecordPage> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        string cursor;
        int? failAfter;
        lock (app.Gate)
        {
            app.Calls.CountListing();
            cursor = ChangeCursor.Format(app.Store.Sequence);
            failAfter = app.Roller.TakeListingFailure();
        }

        var after = 0L;
        for (var page = 0; ; page++)
        {
            // Yielding between pages lets writers interleave with a listing, as they do with a real app.
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            ThrowIfDisposed();
            app.Faults.BeforeListingPage?.Invoke(page);
            var slice = ReadListingPage(after, page, failAfter, app.Calls.CountListPage);
            after = slice.LastKey;
            if (!slice.HasMore)
            {
                yield return new RecordPage(slice.Records, cursor);
                yield break;
            }

            yield return new RecordPage(slice.Records);
        }
    }

    /// <summary>
    /// Records changed after the cursor's sequence, in sequence order, at most
    /// <see cref="ConnectorCapabilities.ReadBatchSize"/> per page, with tombstones when the app detects
    /// deletions. Only for <see cref="ChangeFeedKind.Cursor"/> apps.
    /// </summary>
    public Task<ChangePage> ReadChangesAsync(string cursor, CancellationToken cancellationToken) => Answer(() =>
    {
        lock (app.Gate)
        {
            app.Calls.CountChangeFeedCall();
            var capabilities = app.Capabilities;
            if (capabilities.ChangeFeed != ChangeFeedKind.Cursor)
            {
                throw new NotSupportedException($"The app '{app.Name}' has no cursor change feed; list versions instead.");
            }

            ThrowIfReadFails();
            if (app.Roller.CursorExpires())
            {
                throw new CursorExpiredException("The change-feed cursor expired (injected).");
            }

            var store = app.Store;
            if (!ChangeCursor.TryParse(cursor, out var after) || after < store.OldestValidCursor || after > store.Sequence)
            {
                throw new CursorExpiredException("The app no longer accepts this change-feed cursor.");
            }

            var slice = store.ChangesAfter(after, capabilities.ReadBatchSize, capabilities.DetectsDeletions);

            // With nothing left, every later entry is superseded: the cursor may jump to the present.
            var next = slice.HasMore ? slice.LastKey : store.Sequence;
            var changed = FlakeVersions(slice.Changed);
            if (app.FeedNamesVersionsOnly)
            {
                return new ChangePage([], slice.DeletedIds, ChangeCursor.Format(next), slice.HasMore)
                {
                    ChangedVersions = changed.Select(r => new RecordVersion(r.Id, r.Version ?? string.Empty)).ToArray(),
                };
            }

            return new ChangePage(changed, slice.DeletedIds, ChangeCursor.Format(next), slice.HasMore);
        }
    }, cancellationToken);

    /// <summary>Every record's id and version in creation order, in pages of <see cref="ConnectorCapabilities.ReadBatchSize"/>.</summary>
    public async IAsyncEnumerable<IReadOnlyList<RecordVersion>> ListVersionsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        int? failAfter;
        lock (app.Gate)
        {
            app.Calls.CountVersionListing();
            failAfter = app.Roller.TakeListingFailure();
        }

        var after = 0L;
        for (var page = 0; ; page++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            ThrowIfDisposed();
            app.Faults.BeforeListingPage?.Invoke(page);
            var slice = ReadListingPage(after, page, failAfter, app.Calls.CountVersionListPage);
            after = slice.LastKey;
            yield return slice.Records.Select(r => new RecordVersion(r.Id, r.Version ?? string.Empty)).ToList();
            if (!slice.HasMore)
            {
                yield break;
            }
        }
    }

    /// <summary>The live records among <paramref name="ids"/>, in the order asked, each once. At most <see cref="ConnectorCapabilities.ReadBatchSize"/> ids.</summary>
    public Task<IReadOnlyList<ContactRecord>> GetAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken) => Answer(() =>
    {
        ArgumentNullException.ThrowIfNull(ids);
        lock (app.Gate)
        {
            var batch = app.Capabilities.ReadBatchSize;
            if (ids.Count > batch)
            {
                throw new ArgumentException($"{ids.Count} ids exceed the app's read batch size of {batch}.", nameof(ids));
            }

            app.Calls.CountGetCall();
            ThrowIfReadFails();
            var found = ids.Distinct(StringComparer.Ordinal).Select(app.Store.Get).OfType<ContactRecord>().ToList();
            return FlakeVersions(found);
        }
    }, cancellationToken);

    /// <summary>
    /// Applies a batch (see <see cref="InMemoryFaults"/> for what can go wrong). Throws
    /// <see cref="ArgumentException"/> for more operations than <see cref="ConnectorCapabilities.WriteBatchSize"/>.
    /// A read-only app answers every operation with <see cref="WriteFailureKind.Rejected"/> and counts a refused call.
    /// </summary>
    public Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<WriteOperation> operations, CancellationToken cancellationToken) =>
        Answer(() =>
        {
            ArgumentNullException.ThrowIfNull(operations);
            app.Faults.BeforeWrite?.Invoke(operations);
            return writes.Apply(operations);
        }, cancellationToken);

    /// <summary>By client reference (when the app stores it), else the most recently created record with the email.</summary>
    public Task<ContactRecord?> FindCreatedAsync(string clientReference, string? email, CancellationToken cancellationToken) => Answer(() =>
    {
        var canonical = Values.Create(FieldType.Email, email)?.Text;
        lock (app.Gate)
        {
            app.Calls.CountFindCreatedCall();
            ThrowIfReadFails();
            var byReference = app.StoresClientReference ? app.Store.FindByClientReference(clientReference) : null;
            return byReference ?? (canonical is null ? null : app.Store.FindByEmail(canonical).FirstOrDefault());
        }
    }, cancellationToken);

    public ValueTask DisposeAsync()
    {
        disposed = true;
        return ValueTask.CompletedTask;
    }

    private ListingSlice ReadListingPage(long after, int page, int? failAfter, Action count)
    {
        lock (app.Gate)
        {
            count();
            ThrowIfReadFails();
            if (page == failAfter)
            {
                throw new ConnectorException($"The listing failed after {page} pages (injected).");
            }

            var slice = app.Store.ListAfter(after, app.Capabilities.ReadBatchSize);
            return slice with { Records = FlakeVersions(slice.Records) };
        }
    }

    /// <summary>Under the lock: records whose etag flakes get a new version, as returned.</summary>
    private IReadOnlyList<ContactRecord> FlakeVersions(IReadOnlyList<ContactRecord> records)
    {
        if (app.Faults.FlakyVersionRate <= 0)
        {
            return records;
        }

        return records.Select(r => app.Roller.VersionFlakes() ? app.Store.Replace(r) : r).ToList();
    }

    private void ThrowIfReadFails()
    {
        if (app.Roller.ReadFails())
        {
            throw new ConnectorException($"The app '{app.Name}' answered 503 Service Unavailable (injected).");
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(disposed, this);

    /// <summary>Runs a synchronous answer as a task, so failures surface from the await like a real call's.</summary>
    private Task<T> Answer<T>(Func<T> answer, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            ThrowIfDisposed();
            return Task.FromResult(answer());
        }
        catch (Exception exception)
        {
            return Task.FromException<T>(exception);
        }
    }
}
