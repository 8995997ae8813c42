using Microsoft.EntityFrameworkCore;
using Tandem.Connectors.Catalog;
using Tandem.Domain.Configuration;
using Tandem.Engine;
using Tandem.Engine.Validation;
using Tandem.Runtime.Hosting;
using Tandem.Storage.Connections;
using Tandem.Web.Hooks;
using Tandem.Web.Identity;
using Tandem.Web.Services.Accounts;
using Tandem.Web.Services.Catalog;
using Tandem.Web.Services.Errors;
using Tandem.Web.Services.Fields;
using Tandem.Web.Workers;

namespace Tandem.Web.Services.Connections;

/// <summary>
/// A user's connections (PRODUCT.md §3, §6): create from the wizard's choices (checked against both accounts,
/// nothing saved when refused), preview, start, pause, resume (rescans), edit (saving rescans), run now,
/// acknowledge a tripped deletion guard, delete (no contact is deleted). A new connection waits, paused, until
/// it is started. State changes wait for a run in progress to finish, so the run cannot overwrite them. Starting and
/// resuming register the connection's webhooks where the server has a public URL; pausing and deleting remove them.
/// </summary>
public sealed class ConnectionService(
    TandemRuntime runtime,
    AccountService accounts,
    FieldService fields,
    AppCatalogService apps,
    RunRequests runs,
    SyncWorkers workers,
    RetryBoard retries,
    WebhookAutoRegistration webhooks)
{
    /// <summary>The reason a connection shows until it is started.</summary>
    public const string NotStartedReason = "Not started yet: check the preview, then start syncing.";

    private ConnectionStore Store => runtime.Connections;

    public async Task<IReadOnlyList<ConnectionView>> ListAsync(Owner owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var result = new List<ConnectionView>();
        foreach (var connection in (await Store.ListByOwnerAsync(owner.UserId, cancellationToken)).Where(c => !DraftPreviews.IsPreview(c)))
        {
            result.Add(await ToViewAsync(connection, cancellationToken));
        }

        return result;
    }

    public async Task<ConnectionView> GetAsync(Owner owner, string id, CancellationToken cancellationToken) =>
        await ToViewAsync(await GetStoredAsync(owner, id, cancellationToken), cancellationToken);

    /// <summary>The stored connection of this owner.</summary>
    /// <exception cref="NotFoundException">No such connection of this owner.</exception>
    public async Task<StoredConnection> GetStoredAsync(Owner owner, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var connection = string.IsNullOrWhiteSpace(id) ? null : await Store.GetAsync(id, cancellationToken);
        return connection is not null && connection.OwnerId == owner.UserId && !DraftPreviews.IsPreview(connection) ? connection : throw NotFoundException.Connection(id);
    }

    /// <summary>The options two accounts support in a direction, with the reason for each that they do not.</summary>
    public async Task<OptionAvailability> OptionsAsync(Owner owner, string accountA, string accountB, SyncDirection direction, CancellationToken cancellationToken)
    {
        var a = apps.Descriptor((await accounts.GetStoredAsync(owner, accountA, cancellationToken)).App);
        var b = apps.Descriptor((await accounts.GetStoredAsync(owner, accountB, cancellationToken)).App);
        return OptionAvailability.Of(a.Capabilities, b.Capabilities, a.DisplayName, b.DisplayName, direction);
    }

    /// <summary>Checks the choices against both accounts and saves the connection, paused until <see cref="StartAsync"/>.</summary>
    /// <exception cref="InvalidRequestException">The choices do not work together; every problem is listed.</exception>
    public async Task<ConnectionView> CreateAsync(Owner owner, ConnectionDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var (name, settings) = await CheckAsync(owner, draft, cancellationToken);
        var added = await Store.AddAsync(
            new NewConnection(owner.UserId, name, draft.AccountA, draft.AccountB, settings) { State = ConnectionState.Paused },
            cancellationToken);
        await Store.SetStateAsync(added.Id, ConnectionState.Paused, NotStartedReason, cancellationToken);
        return await GetAsync(owner, added.Id, cancellationToken);
    }

    /// <summary>
    /// Replaces the name and settings (the accounts cannot change: links belong to them). Saving a changed
    /// configuration rescans, unless the connection is paused.
    /// </summary>
    public async Task<ConnectionView> UpdateAsync(Owner owner, string id, ConnectionDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var stored = await GetStoredAsync(owner, id, cancellationToken);
        if (draft.AccountA != stored.AccountAId || draft.AccountB != stored.AccountBId)
        {
            throw new InvalidRequestException("A connection's accounts cannot change (its links belong to them); make a new connection instead.");
        }

        var (name, settings) = await CheckAsync(owner, draft, cancellationToken);
        using (await runtime.Locks.AcquireAsync(id, cancellationToken))
        {
            var current = await GetStoredAsync(owner, id, cancellationToken);
            await Store.RenameAsync(id, name, cancellationToken);
            await Store.UpdateSettingsAsync(id, settings, cancellationToken);
            if (current.State != ConnectionState.Paused)
            {
                await Store.SetStateAsync(id, ConnectionState.Scanning, "Settings changed; the next run rescans both sides.", cancellationToken);
                runs.Request(id);
            }
        }

        return await GetAsync(owner, id, cancellationToken);
    }

    /// <summary>A dry run: what the next run would do, written nowhere.</summary>
    public async Task<PreviewView> PreviewAsync(Owner owner, string id, CancellationToken cancellationToken)
    {
        var stored = await GetStoredAsync(owner, id, cancellationToken);
        var result = await runtime.Runner.PreviewAsync(stored.Id, new RunOptions(), cancellationToken);
        return PreviewView.From(result.Report!);
    }

    /// <summary>
    /// What the first sync of a connection not saved yet would do (the wizard's Review step): checked like
    /// <see cref="CreateAsync"/>, then a dry run; nothing is kept (see <see cref="DraftPreviews"/>).
    /// </summary>
    /// <exception cref="InvalidRequestException">The choices do not work together; every problem is listed.</exception>
    public async Task<PreviewView> PreviewDraftAsync(Owner owner, ConnectionDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var (name, settings) = await CheckAsync(owner, draft, cancellationToken);
        var row = await Store.AddAsync(new NewConnection(owner.UserId, name, draft.AccountA, draft.AccountB, settings) { State = ConnectionState.Paused }, cancellationToken);
        try
        {
            await Store.SetStateAsync(row.Id, ConnectionState.Paused, DraftPreviews.Reason, cancellationToken);
            var result = await runtime.Runner.PreviewAsync(row.Id, new RunOptions(), cancellationToken);
            return PreviewView.From(result.Report!);
        }
        finally
        {
            using (await runtime.Locks.AcquireAsync(row.Id, CancellationToken.None))
            {
                await Store.RemoveAsync(row.Id, CancellationToken.None);
            }
        }
    }

    /// <summary>Starts a connection that waits to be started, or resumes a paused one: a full rescan, then watching.</summary>
    public Task<ConnectionView> StartAsync(Owner owner, string id, CancellationToken cancellationToken) =>
        ResumeAsync(owner, id, cancellationToken);

    /// <summary>
    /// Resumes a paused connection; the next run rescans both sides. A connection that is not paused is left as it is.
    /// Either way its webhooks are registered (again) where the apps allow it; a refusal is kept on the connection.
    /// </summary>
    public async Task<ConnectionView> ResumeAsync(Owner owner, string id, CancellationToken cancellationToken)
    {
        await GetStoredAsync(owner, id, cancellationToken);
        using (await runtime.Locks.AcquireAsync(id, cancellationToken))
        {
            var current = await GetStoredAsync(owner, id, cancellationToken);
            if (current.State == ConnectionState.Paused)
            {
                await Store.SetStateAsync(id, ConnectionState.Scanning, reason: null, cancellationToken);
            }
        }

        runs.Request(id);
        await webhooks.RegisterAsync(id, cancellationToken);
        return await GetAsync(owner, id, cancellationToken);
    }

    /// <summary>Pauses: no run starts until it is resumed (a run in progress finishes first). Its webhooks are removed.</summary>
    public async Task<ConnectionView> PauseAsync(Owner owner, string id, CancellationToken cancellationToken)
    {
        await GetStoredAsync(owner, id, cancellationToken);
        using (await runtime.Locks.AcquireAsync(id, cancellationToken))
        {
            var current = await GetStoredAsync(owner, id, cancellationToken);
            if (current.State != ConnectionState.Paused)
            {
                await Store.SetStateAsync(id, ConnectionState.Paused, "Paused by you.", cancellationToken);
            }
        }

        await webhooks.RemoveAsync(await GetStoredAsync(owner, id, cancellationToken), cancellationToken);
        return await GetAsync(owner, id, cancellationToken);
    }

    /// <summary>Asks for a run now rather than at the next interval (a paused connection stays paused).</summary>
    public async Task<ConnectionView> RunNowAsync(Owner owner, string id, CancellationToken cancellationToken)
    {
        var stored = await GetStoredAsync(owner, id, cancellationToken);
        if (stored.State == ConnectionState.Paused)
        {
            throw new ConflictException("The connection is paused; resume it to sync.");
        }

        runs.Request(id);
        return await ToViewAsync(stored, cancellationToken);
    }

    /// <summary>A person reviewed the deletions that tripped the guard: the next run lets them through once.</summary>
    public async Task<ConnectionView> AcknowledgeDeletionsAsync(Owner owner, string id, CancellationToken cancellationToken)
    {
        await GetStoredAsync(owner, id, cancellationToken);
        await Store.SetGuardAcknowledgedAsync(id, acknowledged: true, cancellationToken);
        runs.Request(id);
        return await GetAsync(owner, id, cancellationToken);
    }

    /// <summary>
    /// Deletes the connection and its sync state; no contact in either app is touched. Its webhooks are removed first
    /// (one that cannot be removed does not stop the deletion).
    /// </summary>
    public async Task DeleteAsync(Owner owner, string id, CancellationToken cancellationToken)
    {
        await GetStoredAsync(owner, id, cancellationToken);

        // Paused first, so the workers do not start watching it again between the stop and the removal.
        using (await runtime.Locks.AcquireAsync(id, cancellationToken))
        {
            await Store.SetStateAsync(id, ConnectionState.Paused, "Being deleted.", cancellationToken);
        }

        await webhooks.RemoveAsync(await GetStoredAsync(owner, id, cancellationToken), cancellationToken);

        await workers.StopWatchingAsync(id);
        using (await runtime.Locks.AcquireAsync(id, cancellationToken))
        {
            await Store.RemoveAsync(id, cancellationToken);
        }
    }

    private async Task<(string Name, ConnectionSettings Settings)> CheckAsync(Owner owner, ConnectionDraft draft, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(draft.AccountA) || string.IsNullOrWhiteSpace(draft.AccountB))
        {
            throw new InvalidRequestException("Choose an account for each side (accountA and accountB).");
        }

        if (draft.AccountA == draft.AccountB)
        {
            throw new InvalidRequestException("A connection joins two different accounts; choose another account for one side.");
        }

        var a = await fields.ReadAsync(owner, draft.AccountA, cancellationToken);
        var b = await fields.ReadAsync(owner, draft.AccountB, cancellationToken);
        var appA = apps.Descriptor(a.Account.App);
        var appB = apps.Descriptor(b.Account.App);
        var name = string.IsNullOrWhiteSpace(draft.Name) ? $"{a.Account.Name} ↔ {b.Account.Name}" : draft.Name.Trim();
        var settings = draft.ToSettings();
        var errors = ConnectionValidator.Check(name, settings, SideOf(a, appA), SideOf(b, appB));
        InvalidRequestException.ThrowIfAny("The connection cannot be saved.", errors);
        return (name, settings);
    }

    /// <summary>One side as the connection validator reads it: the app's name and capabilities, the account's fields.</summary>
    public static ConnectionSide SideOf(AccountSchema account, ConnectorDescriptor app) =>
        new(app.DisplayName, account.Capabilities ?? app.Capabilities, account.Schema) { DefaultRegion = account.DefaultRegion };

    private async Task<ConnectionView> ToViewAsync(StoredConnection connection, CancellationToken cancellationToken)
    {
        var status = await runtime.Status.GetAsync(connection, cancellationToken);
        var a = await RefAsync(connection.AccountAId, cancellationToken);
        var b = await RefAsync(connection.AccountBId, cancellationToken);
        return new ConnectionView(
            connection.Id,
            connection.Name,
            a,
            b,
            connection.Settings,
            connection.State,
            connection.StateReason,
            !(connection.State == ConnectionState.Paused && connection.StateReason == NotStartedReason),
            runtime.Locks.IsHeld(connection.Id),
            status.InSync,
            status.Excluded - await TargetExcludedAsync(connection, cancellationToken),
            status.Failed,
            connection.CreatedAt,
            connection.UpdatedAt,
            connection.LastRunAt,
            await LastActivityAsync(connection.Id, cancellationToken))
        {
            WebhooksRegisteredIn = [.. new[] { (connection.WebhookAId, a.AppName), (connection.WebhookBId, b.AppName) }.Where(w => w.Item1 is not null).Select(w => w.AppName)],
            WebhookProblem = connection.WebhookProblem,
            Pacing = (await runtime.Pacing.PaceAsync(connection.Id, cancellationToken))?.Words,
            Retrying = RetryOf(connection, a, b),
        };
    }

    private RetryView? RetryOf(StoredConnection connection, AccountRef a, AccountRef b) =>
        connection.State is ConnectionState.Paused or ConnectionState.NeedsAttention || retries.Of(connection.Id) is not { } streak
            ? null
            : new RetryView(RetryWords.Problem(streak.Message, a.AppName, b.AppName), streak.Since, streak.NextTry);

    // In a one-way connection the target's own contacts are not sent by design; they are not counted as excluded.
    private async Task<int> TargetExcludedAsync(StoredConnection connection, CancellationToken cancellationToken)
    {
        if (connection.Settings.Direction == SyncDirection.TwoWay)
        {
            return 0;
        }

        var target = (int)(connection.Settings.Direction == SyncDirection.AToB ? Side.B : Side.A);
        await using var context = runtime.Database.CreateDbContext();
        return await context.Health.AsNoTracking()
            .CountAsync(h => h.ConnectionId == connection.Id && h.Side == target && h.Status == (int)Tandem.Engine.State.HealthStatus.Excluded, cancellationToken);
    }

    private async Task<DateTimeOffset?> LastActivityAsync(string connectionId, CancellationToken cancellationToken)
    {
        await using var context = runtime.Database.CreateDbContext();
        var at = await context.Activity.AsNoTracking().Where(a => a.ConnectionId == connectionId).MaxAsync(a => (long?)a.At, cancellationToken);
        return at is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    private async Task<AccountRef> RefAsync(string accountId, CancellationToken cancellationToken)
    {
        var account = await runtime.Accounts.GetAsync(accountId, cancellationToken);
        if (account is null)
        {
            return new AccountRef(accountId, "(removed)", "", "");
        }

        var appName = apps.List().FirstOrDefault(a => a.App == account.App)?.DisplayName ?? account.App;
        return new AccountRef(account.Id, account.Name, account.App, appName);
    }
}
