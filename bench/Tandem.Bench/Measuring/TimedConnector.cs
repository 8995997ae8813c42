using System.Diagnostics;
using System.Runtime.CompilerServices;
using Tandem.Connectors.Contract;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Bench.Measuring;

/// <summary>
/// Wraps a connector to time and count its calls under names like <c>A.list-page</c>, so a run's wall
/// time splits into "waiting for the app" and "the engine itself". Listing pages count as read calls.
/// </summary>
public sealed class TimedConnector : IContactConnector
{
    private readonly IContactConnector inner;
    private readonly PhaseClock clock;
    private readonly string side;

    public TimedConnector(IContactConnector inner, PhaseClock clock, string side)
    {
        this.inner = inner;
        this.clock = clock;
        this.side = side;
    }

    public ConnectorCapabilities Capabilities => inner.Capabilities;

    /// <summary>Read calls made through this wrapper: listing pages, version pages, change-feed calls, gets, find-created.</summary>
    public long ReadCalls => clock.CallsOf(Name("list-page")) + clock.CallsOf(Name("versions-page")) + clock.CallsOf(Name("changes"))
        + clock.CallsOf(Name("get")) + clock.CallsOf(Name("find-created"));

    public long WriteCalls => clock.CallsOf(Name("write"));

    public Task<AppSchema> GetSchemaAsync(CancellationToken cancellationToken) =>
        clock.TimeAsync(Name("schema"), () => inner.GetSchemaAsync(cancellationToken));

    public async IAsyncEnumerable<RecordPage> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in TimePagesAsync(inner.ListAllAsync(cancellationToken), Name("list-page")))
        {
            yield return page;
        }
    }

    public Task<ChangePage> ReadChangesAsync(string cursor, CancellationToken cancellationToken) =>
        clock.TimeAsync(Name("changes"), () => inner.ReadChangesAsync(cursor, cancellationToken));

    public async IAsyncEnumerable<IReadOnlyList<RecordVersion>> ListVersionsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in TimePagesAsync(inner.ListVersionsAsync(cancellationToken), Name("versions-page")))
        {
            yield return page;
        }
    }

    public Task<IReadOnlyList<ContactRecord>> GetAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        clock.TimeAsync(Name("get"), () => inner.GetAsync(ids, cancellationToken));

    public Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<WriteOperation> operations, CancellationToken cancellationToken) =>
        clock.TimeAsync(Name("write"), () => inner.WriteAsync(operations, cancellationToken));

    public Task<ContactRecord?> FindCreatedAsync(string clientReference, string? email, CancellationToken cancellationToken) =>
        clock.TimeAsync(Name("find-created"), () => inner.FindCreatedAsync(clientReference, email, cancellationToken));

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private string Name(string call) => side + "." + call;

    /// <summary>Times only the producer's work per page (MoveNext), not what the engine does with the page.</summary>
    private async IAsyncEnumerable<T> TimePagesAsync<T>(IAsyncEnumerable<T> pages, string name)
    {
        var enumerator = pages.GetAsyncEnumerator();
        await using (enumerator)
        {
            while (true)
            {
                var start = Stopwatch.GetTimestamp();
                var more = await enumerator.MoveNextAsync();
                if (!more)
                {
                    break;
                }

                clock.Add(name, Stopwatch.GetTimestamp() - start);
                yield return enumerator.Current;
            }
        }
    }
}
