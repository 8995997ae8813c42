using System.Text.Json.Nodes;

namespace Tandem.Connectors.Wooxy.Internal;

/// <summary>
/// Waits for Wooxy to process requests: asks <c>request/find</c> (up to 100 ids a call) after each of the given pauses,
/// on the connector's clock, until every request is processed or the pauses run out. What is still pending then stays
/// unknown: its outcome is settled on a later run, never by sending the write again.
/// </summary>
internal sealed class RequestSettlement(WooxyClient client, IReadOnlyList<TimeSpan> pauses, TimeProvider time)
{
    /// <summary>The <c>request/find</c> calls made (the API-call benchmark counts them).</summary>
    public int Polls { get; private set; }

    public async Task<Dictionary<string, RequestResults>> SettleAsync(IReadOnlyCollection<string> requestIds, CancellationToken cancellationToken)
    {
        var settled = new Dictionary<string, RequestResults>(StringComparer.Ordinal);
        foreach (var pause in pauses)
        {
            var open = requestIds.Where(id => !settled.ContainsKey(id)).ToList();
            if (open.Count == 0)
            {
                break;
            }

            await Task.Delay(pause, time, cancellationToken).ConfigureAwait(false);
            foreach (var (id, results) in await FindAsync(open, cancellationToken).ConfigureAwait(false))
            {
                if (results.Processed)
                {
                    settled[id] = results;
                }
            }
        }

        return settled;
    }

    /// <summary>The requests Wooxy still keeps (seven days), by id; a request it no longer knows is left out.</summary>
    public async Task<Dictionary<string, RequestResults>> FindAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, RequestResults>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(WooxyClient.MaxPerTransaction))
        {
            Polls++;
            var answer = await client.FindRequestsAsync(chunk, cancellationToken).ConfigureAwait(false);
            foreach (var (id, request) in answer["requests"] as JsonObject ?? [])
            {
                if (request is JsonObject entry)
                {
                    found[id] = RequestResults.Read(entry);
                }
            }
        }

        return found;
    }
}
