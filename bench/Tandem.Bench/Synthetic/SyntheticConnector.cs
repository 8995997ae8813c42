using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Tandem.Connectors.Contract;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Bench.Synthetic;

/// <summary>
/// <see cref="IContactConnector"/> over a <see cref="SyntheticApp"/>: listings are generated page by page,
/// the change feed is empty, writes are acknowledged with the record as written.
/// </summary>
public sealed class SyntheticConnector : IContactConnector
{
    private const string Cursor = "0";

    private readonly SyntheticApp app;

    public SyntheticConnector(SyntheticApp app)
    {
        this.app = app;
    }

    public ConnectorCapabilities Capabilities => app.Capabilities;

    public Task<AppSchema> GetSchemaAsync(CancellationToken cancellationToken) => Task.FromResult(app.Schema);

    public async IAsyncEnumerable<RecordPage> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = app.Capabilities.ReadBatchSize;
        for (var start = 0; start < app.Count || start == 0; start += batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            app.CountRead();
            var end = Math.Min(app.Count, start + batch);
            var records = new ContactRecord[end - start];
            for (var i = start; i < end; i++)
            {
                records[i - start] = app.Record(i);
            }

            await Task.Yield();
            yield return end >= app.Count ? new RecordPage(records, Cursor) : new RecordPage(records);
        }
    }

    public Task<ChangePage> ReadChangesAsync(string cursor, CancellationToken cancellationToken)
    {
        app.CountRead();
        return Task.FromResult(new ChangePage([], [], cursor, HasMore: false));
    }

    public async IAsyncEnumerable<IReadOnlyList<RecordVersion>> ListVersionsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in ListAllAsync(cancellationToken))
        {
            yield return page.Records.Select(r => new RecordVersion(r.Id, r.Version ?? string.Empty)).ToList();
        }
    }

    public Task<IReadOnlyList<ContactRecord>> GetAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        app.CountRead();
        IReadOnlyList<ContactRecord> found = ids.Select(app.IndexOf).OfType<int>().Distinct().Select(app.Record).ToList();
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<WriteOperation> operations, CancellationToken cancellationToken)
    {
        if (operations.Count > app.Capabilities.WriteBatchSize)
        {
            throw new ArgumentException($"{operations.Count} operations exceed the write batch size.", nameof(operations));
        }

        app.CountWrite();
        var results = new WriteResult[operations.Count];
        for (var i = 0; i < operations.Count; i++)
        {
            results[i] = Apply(operations[i]);
        }

        return Task.FromResult<IReadOnlyList<WriteResult>>(results);
    }

    public Task<ContactRecord?> FindCreatedAsync(string clientReference, string? email, CancellationToken cancellationToken)
    {
        app.CountRead();
        return Task.FromResult<ContactRecord?>(null);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private WriteResult Apply(WriteOperation operation)
    {
        switch (operation)
        {
            case CreateOperation create:
                var created = new ContactRecord(app.NextCreatedId(), create.Fields)
                {
                    Version = "v1",
                    Tags = create.Tags,
                    IsUnsubscribed = create.Unsubscribed,
                    ClientReference = create.ClientReference,
                };
                return WriteResult.Success(operation.OperationId, created);
            case UpdateOperation update:
                app.CountUpdate();
                var fields = app.IndexOf(update.RecordId) is { } index ? app.Record(index).Fields : ImmutableDictionary<string, FieldValue>.Empty;
                var updated = new ContactRecord(update.RecordId, SyntheticApp.Apply(fields, update)) { Version = "v2" };
                return WriteResult.Success(operation.OperationId, updated);
            default:
                return WriteResult.Failed(operation.OperationId, WriteFailureKind.Rejected, "The synthetic app does not delete.");
        }
    }
}
