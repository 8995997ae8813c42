using System.Runtime.CompilerServices;
using Tandem.Connectors.Contract;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Runtime.Running;

/// <summary>
/// Passes every call through to a connector and remembers an authorisation failure on the way out. The
/// engine turns connector errors into a failed report without saying which kind; the runner needs to
/// know so it can ask a person to re-authorise.
/// </summary>
internal sealed class AuthorizationWatch(IContactConnector inner) : IContactConnector
{
    private ConnectorException? failure;

    /// <summary>The first authorisation failure a call threw, or null.</summary>
    public ConnectorException? Failure => Volatile.Read(ref failure);

    public ConnectorCapabilities Capabilities => inner.Capabilities;

    public async Task<AppSchema> GetSchemaAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await inner.GetSchemaAsync(cancellationToken);
        }
        catch (ConnectorException ex) when (Saw(ex))
        {
            throw;
        }
    }

    public IAsyncEnumerable<RecordPage> ListAllAsync(CancellationToken cancellationToken) =>
        WatchAsync(inner.ListAllAsync(cancellationToken), cancellationToken);

    public async Task<ChangePage> ReadChangesAsync(string cursor, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.ReadChangesAsync(cursor, cancellationToken);
        }
        catch (ConnectorException ex) when (Saw(ex))
        {
            throw;
        }
    }

    public IAsyncEnumerable<IReadOnlyList<RecordVersion>> ListVersionsAsync(CancellationToken cancellationToken) =>
        WatchAsync(inner.ListVersionsAsync(cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<ContactRecord>> GetAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.GetAsync(ids, cancellationToken);
        }
        catch (ConnectorException ex) when (Saw(ex))
        {
            throw;
        }
    }

    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<WriteOperation> operations, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.WriteAsync(operations, cancellationToken);
        }
        catch (ConnectorException ex) when (Saw(ex))
        {
            throw;
        }
    }

    public async Task<ContactRecord?> FindCreatedAsync(string clientReference, string? email, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.FindCreatedAsync(clientReference, email, cancellationToken);
        }
        catch (ConnectorException ex) when (Saw(ex))
        {
            throw;
        }
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private async IAsyncEnumerable<T> WatchAsync<T>(IAsyncEnumerable<T> source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var pages = source.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            bool more;
            try
            {
                more = await pages.MoveNextAsync();
            }
            catch (ConnectorException ex) when (Saw(ex))
            {
                throw;
            }

            if (!more)
            {
                yield break;
            }

            yield return pages.Current;
        }
    }

    // An exception filter that never catches: it only looks at the exception as it flies past.
    private bool Saw(ConnectorException exception)
    {
        if (exception.IsAuthorizationFailure)
        {
            Interlocked.CompareExchange(ref failure, exception, null);
        }

        return false;
    }
}
