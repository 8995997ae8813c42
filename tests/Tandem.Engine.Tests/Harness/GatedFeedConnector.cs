using Tandem.Connectors.Contract;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Engine.Tests.Harness;

/// <summary>
/// A connector whose change feed can be held: each <see cref="ReadChangesAsync"/> says it started, then waits for
/// <see cref="Release"/> (or answers at once when none is set). Everything else passes through to the inner connector.
/// </summary>
public sealed class GatedFeedConnector(IContactConnector inner) : IContactConnector
{
    /// <summary>Completed when this connector's first change read has started.</summary>
    public TaskCompletionSource ReadStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completed when a change read has ended, however it ended.</summary>
    public TaskCompletionSource ReadEnded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When set, a change read answers only after this task completes.</summary>
    public Task? Release { get; set; }

    public ConnectorCapabilities Capabilities => inner.Capabilities;

    public async Task<ChangePage> ReadChangesAsync(string cursor, CancellationToken cancellationToken)
    {
        ReadStarted.TrySetResult();
        try
        {
            if (Release is { } release)
            {
                await release.WaitAsync(cancellationToken);
            }

            return await inner.ReadChangesAsync(cursor, cancellationToken);
        }
        finally
        {
            ReadEnded.TrySetResult();
        }
    }

    public Task<AppSchema> GetSchemaAsync(CancellationToken cancellationToken) => inner.GetSchemaAsync(cancellationToken);

    public IAsyncEnumerable<RecordPage> ListAllAsync(CancellationToken cancellationToken) => inner.ListAllAsync(cancellationToken);

    public IAsyncEnumerable<IReadOnlyList<RecordVersion>> ListVersionsAsync(CancellationToken cancellationToken) => inner.ListVersionsAsync(cancellationToken);

    public Task<IReadOnlyList<ContactRecord>> GetAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken) => inner.GetAsync(ids, cancellationToken);

    public Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<WriteOperation> operations, CancellationToken cancellationToken) => inner.WriteAsync(operations, cancellationToken);

    public Task<ContactRecord?> FindCreatedAsync(string clientReference, string? email, CancellationToken cancellationToken) => inner.FindCreatedAsync(clientReference, email, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
