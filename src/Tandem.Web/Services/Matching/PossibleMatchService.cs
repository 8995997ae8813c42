using Tandem.Domain.Configuration;
using Tandem.Engine.Matching;
using Tandem.Runtime.Hosting;
using Tandem.Storage.Matching;
using Tandem.Web.Identity;
using Tandem.Web.Services.Connections;
using Tandem.Web.Services.Errors;
using Tandem.Web.Workers;

namespace Tandem.Web.Services.Matching;

/// <summary>
/// The "Possible matches" review queue: contacts of the two apps that share no email (nor another matching key)
/// but have the same name and the same phone number or company. Tandem creates neither until the user links
/// them (they sync as one) or keeps them apart (each is synced on its own and the pair is never proposed again).
/// </summary>
public sealed class PossibleMatchService(TandemRuntime runtime, ConnectionService connections, ContactCards cards, RunRequests runs)
{
    public const int MaxPairs = 200;

    private readonly PossibleMatchStore store = new(runtime.Database, runtime.Time);

    public async Task<IReadOnlyList<PossibleMatchView>> ListAsync(Owner owner, string connectionId, int limit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxPairs)
        {
            throw new InvalidRequestException($"limit must be between 1 and {MaxPairs}.");
        }

        var stored = await connections.GetStoredAsync(owner, connectionId, cancellationToken);
        var pending = await store.ListPendingAsync(stored.Id, limit, cancellationToken);
        if (pending.Count == 0)
        {
            return [];
        }

        var cardA = await cards.ForAsync(await runtime.Accounts.GetAsync(stored.AccountAId, cancellationToken), cancellationToken);
        var cardB = await cards.ForAsync(await runtime.Accounts.GetAsync(stored.AccountBId, cancellationToken), cancellationToken);
        return [.. pending.Select(p => new PossibleMatchView(p.Id, Because(p.SharedKey), cardA(p.AId, p.ASnapshot), cardB(p.BId, p.BSnapshot)))];
    }

    /// <summary>Records the user's decision; the connection runs soon (unless paused) to act on it.</summary>
    /// <exception cref="NotFoundException">No pending pair with that id in this connection of this owner.</exception>
    public async Task DecideAsync(Owner owner, string connectionId, long matchId, PossibleMatchDecision decision, CancellationToken cancellationToken)
    {
        var stored = await connections.GetStoredAsync(owner, connectionId, cancellationToken);
        if (!await store.DecideAsync(stored.Id, matchId, decision, cancellationToken))
        {
            throw new NotFoundException("This possible match is no longer waiting for a decision: it was decided already, or its contacts changed.");
        }

        if (stored.State != ConnectionState.Paused)
        {
            runs.Request(stored.Id);
        }
    }

    private static string Because(string sharedKey) => sharedKey.Contains("|phone:", StringComparison.Ordinal)
        ? "the same name and the same phone number, but no email address in common"
        : "the same name and the same company, but no email address in common";
}
