using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.Woodpecker.Internal;

/// <summary>
/// A batch of writes in as few calls as Woodpecker allows: every create and update goes in one <c>add_prospects_list</c>
/// with <c>update: true</c> (an upsert, at most 20,000 prospects a call), deletions by id lists that keep the URL
/// within Woodpecker's limit. An update is checked against the prospect as it is now, since Woodpecker has no
/// conditional write: a few are read one call each, more from the listing in id order.
/// </summary>
internal sealed class ProspectWrites
{
    /// <summary>"You can add up to 20 000 prospects per request."</summary>
    public const int MaxPerUpsert = 20_000;

    /// <summary>Woodpecker refuses request URLs longer than about 4,100 characters (NOTES.md §8).</summary>
    public const int MaxUrlLength = 4100;

    /// <summary>Up to this many updates read their prospects one call each; more read the listing.</summary>
    private const int OneByOne = 3;

    private const string NotFound = "The prospect no longer exists in Woodpecker.";
    private const string Stale = "The prospect changed in Woodpecker since Tandem read it.";

    private readonly WoodpeckerClient client;
    private readonly ProspectReader reader;
    private readonly Uri baseUrl;
    private readonly ILogger logger;

    public ProspectWrites(WoodpeckerClient client, ProspectReader reader, Uri baseUrl, ILogger logger)
    {
        this.client = client;
        this.reader = reader;
        this.baseUrl = baseUrl;
        this.logger = logger;
    }

    public async Task<IReadOnlyList<WriteResult>> ApplyAsync(IReadOnlyList<WriteOperation> operations, CancellationToken cancellationToken)
    {
        var results = new WriteResult?[operations.Count];
        var upserts = new List<(int Index, JsonObject Item, JsonObject? Current)>();
        var currents = await CurrentsAsync(operations.OfType<UpdateOperation>().Select(u => u.RecordId), cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < operations.Count; i++)
        {
            switch (operations[i])
            {
                case CreateOperation create:
                    var item = ProspectWriter.Create(create);
                    if (Json.Text(item, "email") is null)
                    {
                        results[i] = WriteResult.Failed(create.OperationId, WriteFailureKind.Rejected, "Woodpecker needs an email address for every prospect.");
                    }
                    else
                    {
                        upserts.Add((i, item, null));
                    }

                    break;
                case UpdateOperation update:
                    var (failure, current) = Check(update, currents);
                    if (failure is not null)
                    {
                        results[i] = failure;
                    }
                    else if (update.Changes.Any(c => c.Key == Domain.Fields.StandardFieldKeys.Emails && c.Value is null))
                    {
                        results[i] = WriteResult.Failed(update.OperationId, WriteFailureKind.Rejected, "Woodpecker needs an email address for every prospect; it cannot be cleared.");
                    }
                    else
                    {
                        if (update.Unsubscribe && Json.Text(current, "status") == ProspectReader.Blacklist)
                        {
                            WoodpeckerLog.KeptBlacklisted(logger, ProspectReader.Id(current!));
                        }

                        upserts.Add((i, ProspectWriter.Update(update, current!), current));
                    }

                    break;
                case DeleteOperation:
                    break;
                default:
                    throw new ArgumentException("Unknown write operation.", nameof(operations));
            }
        }

        foreach (var chunk in upserts.Chunk(MaxPerUpsert))
        {
            await UpsertAsync(operations, chunk, results, cancellationToken).ConfigureAwait(false);
        }

        await DeleteAsync(operations, results, cancellationToken).ConfigureAwait(false);
        return results.Select(r => r!).ToList();
    }

    /// <summary>
    /// The prospects the updates name, as they are now. The listing filters on one id at a time, so a few are read one
    /// call each; more are read from the listing in id order, 1,000 a page, up to the highest id wanted.
    /// </summary>
    private async Task<Dictionary<int, JsonObject>> CurrentsAsync(IEnumerable<string> recordIds, CancellationToken cancellationToken)
    {
        var wanted = recordIds.Select(r => int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1).Where(id => id >= 0).ToHashSet();
        var found = new Dictionary<int, JsonObject>();
        if (wanted.Count <= OneByOne)
        {
            foreach (var id in wanted)
            {
                var (items, _) = await client.ListAsync($"rest/v1/prospects?id={id}", cancellationToken).ConfigureAwait(false);
                foreach (var prospect in items.Where(p => ProspectReader.NumericId(p) == id))
                {
                    found[id] = prospect;
                }
            }

            return found;
        }

        var highest = wanted.Max();
        for (var page = 1; ; page++)
        {
            var (items, _) = await client.ListAsync($"rest/v1/prospects?sort=%2Bid&per_page={WoodpeckerConnector.MaxPageSize}&page={page}", cancellationToken).ConfigureAwait(false);
            foreach (var prospect in items.Where(p => wanted.Contains(ProspectReader.NumericId(p))))
            {
                found[ProspectReader.NumericId(prospect)] = prospect;
            }

            if (items.Count < WoodpeckerConnector.MaxPageSize || found.Count == wanted.Count || items.Any(p => ProspectReader.NumericId(p) >= highest))
            {
                return found;
            }
        }
    }

    private (WriteResult? Failure, JsonObject? Current) Check(UpdateOperation update, Dictionary<int, JsonObject> currents)
    {
        if (!int.TryParse(update.RecordId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || !currents.TryGetValue(id, out var current))
        {
            return (WriteResult.Failed(update.OperationId, WriteFailureKind.NotFound, NotFound), null);
        }

        return update.ExpectedVersion is { } expected && reader.Read(current).Version != expected
            ? (WriteResult.Failed(update.OperationId, WriteFailureKind.StaleVersion, Stale), null)
            : (null, current);
    }

    private async Task UpsertAsync(IReadOnlyList<WriteOperation> operations, (int Index, JsonObject Item, JsonObject? Current)[] chunk, WriteResult?[] results, CancellationToken cancellationToken)
    {
        JsonObject answer;
        try
        {
            answer = await client.PostAsync("rest/v1/add_prospects_list", new JsonObject
            {
                ["update"] = true,
                ["file_name"] = "Tandem",
                ["prospects"] = new JsonArray(chunk.Select(c => (JsonNode)c.Item.DeepClone()).ToArray()),
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException ex) when (WriteFailures.Classify(ex, NotFound, Stale) is not null)
        {
            foreach (var (index, _, _) in chunk)
            {
                results[index] = WriteFailures.For(operations[index].OperationId, ex, NotFound, Stale);
            }

            return;
        }

        // One result per prospect sent, in order; matched by email when Woodpecker answers fewer.
        var answers = Json.Items(answer, "prospects").ToList();
        for (var k = 0; k < chunk.Length; k++)
        {
            var (index, item, current) = chunk[k];
            var email = Json.Text(item, "email");
            var result = answers.Count == chunk.Length ? answers[k]
                : answers.FirstOrDefault(a => string.Equals(Json.Text(a, "email"), email, StringComparison.OrdinalIgnoreCase));
            results[index] = Result(operations[index].OperationId, item, current, result);
        }
    }

    private WriteResult Result(string operationId, JsonObject item, JsonObject? current, JsonObject? answer)
    {
        if (answer is null)
        {
            return WriteResult.Failed(operationId, WriteFailureKind.Unknown, "Woodpecker did not say what became of the prospect.");
        }

        if (Json.Text(answer, "status") == "ERROR")
        {
            var code = Json.Text(answer, "code") ?? string.Empty;
            WoodpeckerLog.ProspectRefused(logger, code);
            return WriteResult.Failed(operationId, WriteFailureKind.Rejected, Reason(code, Json.Text(answer, "msg")));
        }

        var id = Json.Int(answer, "id")?.ToString(CultureInfo.InvariantCulture) ?? (current is null ? null : ProspectReader.Id(current));
        return id is null
            ? WriteResult.Failed(operationId, WriteFailureKind.Unknown, "Woodpecker accepted the prospect but did not say its id.")
            : WriteResult.Success(operationId, reader.Read(ProspectWriter.Merged(current, item, id)));
    }

    private static string Reason(string code, string? message) => code switch
    {
        "E_EMAIL" => "Woodpecker refused the email address as invalid.",
        "E_EMAIL_NOT_EXISTS" => "Woodpecker says the email address does not exist.",
        "E_DUPLICATE" => "Another Woodpecker prospect already has this email address.",
        _ => "Woodpecker refused the prospect" + (message is null ? "." : ": " + message),
    };

    /// <summary>Deletes by id lists, as many ids a call as keep the URL within Woodpecker's limit.</summary>
    private async Task DeleteAsync(IReadOnlyList<WriteOperation> operations, WriteResult?[] results, CancellationToken cancellationToken)
    {
        var deletes = operations.Select((o, i) => (Operation: o as DeleteOperation, Index: i)).Where(d => d.Operation is not null).ToList();
        foreach (var (operation, index) in deletes.Where(d => !int.TryParse(d.Operation!.RecordId, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            results[index] = WriteResult.Success(operation!.OperationId, null);
        }

        var numeric = deletes.Where(d => results[d.Index] is null).ToList();
        var prefix = new Uri(baseUrl, "rest/v1/prospects?id=").ToString().Length;
        var batch = new List<(DeleteOperation Operation, int Index)>();
        var length = prefix;
        foreach (var (operation, index) in numeric)
        {
            var added = operation!.RecordId.Length + (batch.Count == 0 ? 0 : 1);
            if (batch.Count > 0 && length + added > MaxUrlLength)
            {
                await DeleteBatchAsync(batch, results, cancellationToken).ConfigureAwait(false);
                batch.Clear();
                length = prefix;
                added = operation.RecordId.Length;
            }

            batch.Add((operation, index));
            length += added;
        }

        if (batch.Count > 0)
        {
            await DeleteBatchAsync(batch, results, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeleteBatchAsync(List<(DeleteOperation Operation, int Index)> batch, WriteResult?[] results, CancellationToken cancellationToken)
    {
        var ids = new StringBuilder();
        ids.AppendJoin(',', batch.Select(b => b.Operation.RecordId));
        try
        {
            // Ids Woodpecker no longer has are ignored: a prospect already gone is deleted all the same.
            await client.DeleteAsync("rest/v1/prospects?id=" + ids, cancellationToken).ConfigureAwait(false);
            foreach (var (operation, index) in batch)
            {
                results[index] = WriteResult.Success(operation.OperationId, null);
            }
        }
        catch (ConnectorException ex) when (WriteFailures.Classify(ex, NotFound, Stale) is not null)
        {
            foreach (var (operation, index) in batch)
            {
                results[index] = WriteFailures.For(operation.OperationId, ex, NotFound, Stale);
            }
        }
    }
}
