using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Storage.Schema;
using Tandem.Storage.Secrets;

namespace Tandem.Storage.Accounts;

/// <summary>Connected accounts. Secrets are encrypted before they reach the database and decrypted only into memory.</summary>
public sealed class AccountStore(TandemDatabase database, SecretProtector protector, TimeProvider timeProvider)
{
    public async Task<StoredAccount> AddAsync(NewAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(account.App);
        ArgumentException.ThrowIfNullOrWhiteSpace(account.Name);
        var id = Guid.NewGuid().ToString("N");
        var row = new AccountRow
        {
            Id = id,
            OwnerId = account.OwnerId,
            App = account.App,
            Name = account.Name,
            SettingsJson = StringMapJson.Serialize(account.Settings),
            SecretsEncrypted = Seal(id, account.Secrets),
            CreatedAt = timeProvider.GetUtcNow().ToUnixTimeMilliseconds(),
        };

        await using var context = database.CreateDbContext();
        context.Accounts.Add(row);
        await context.SaveChangesAsync(cancellationToken);
        return ToModel(row);
    }

    public async Task<StoredAccount?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var context = database.CreateDbContext();
        var row = await context.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return row is null ? null : ToModel(row);
    }

    /// <summary>The accounts of one owner (null: the accounts without an owner), oldest first.</summary>
    public async Task<IReadOnlyList<StoredAccount>> ListByOwnerAsync(string? ownerId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateDbContext();
        var rows = await context.Accounts.AsNoTracking()
            .Where(a => a.OwnerId == ownerId)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(ToModel);
    }

    /// <summary>Every account of every owner, oldest first; for operators.</summary>
    public async Task<IReadOnlyList<StoredAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using var context = database.CreateDbContext();
        var rows = await context.Accounts.AsNoTracking()
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(ToModel);
    }

    /// <summary>Replaces the secrets, e.g. after a token refresh or a new authorisation. False when the account does not exist.</summary>
    public async Task<bool> UpdateSecretsAsync(string id, IReadOnlyDictionary<string, string> secrets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var sealedSecrets = Seal(id, secrets);
        await using var context = database.CreateDbContext();
        var updated = await context.Accounts.Where(a => a.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.SecretsEncrypted, sealedSecrets), cancellationToken);
        return updated > 0;
    }

    /// <summary>Replaces the name and non-secret settings. False when the account does not exist.</summary>
    public async Task<bool> UpdateSettingsAsync(string id, string name, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(settings);
        var settingsJson = StringMapJson.Serialize(settings);
        await using var context = database.CreateDbContext();
        var updated = await context.Accounts.Where(a => a.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Name, name).SetProperty(a => a.SettingsJson, settingsJson), cancellationToken);
        return updated > 0;
    }

    /// <summary>Removes an account no connection uses. False when it does not exist.</summary>
    /// <exception cref="AccountInUseException">A connection uses the account; the message names them.</exception>
    public async Task<bool> RemoveAsync(string id, CancellationToken cancellationToken)
    {
        await using var context = database.CreateDbContext();
        await ThrowIfInUseAsync(context, id, innerException: null, cancellationToken);
        try
        {
            return await context.Accounts.Where(a => a.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;
        }
        catch (DbException e)
        {
            // A connection was added between the check and the delete; the foreign key refused it.
            await ThrowIfInUseAsync(context, id, e, cancellationToken);
            throw;
        }
    }

    private static async Task ThrowIfInUseAsync(TandemDbContext context, string id, Exception? innerException, CancellationToken cancellationToken)
    {
        var users = await context.Connections.AsNoTracking()
            .Where(c => c.AccountAId == id || c.AccountBId == id)
            .OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name })
            .ToListAsync(cancellationToken);
        if (users.Count == 0)
        {
            return;
        }

        var names = string.Join(", ", users.Select(u => $"'{u.Name}'"));
        var message = $"Account {id} is used by {users.Count} connection(s): {names}. Remove or re-point them before removing the account.";
        var connectionIds = users.ConvertAll(u => u.Id);
        throw innerException is null
            ? new AccountInUseException(message) { ConnectionIds = connectionIds }
            : new AccountInUseException(message, innerException) { ConnectionIds = connectionIds };
    }

    private string Seal(string id, IReadOnlyDictionary<string, string> secrets) =>
        protector.Protect(StringMapJson.Serialize(secrets), id);

    private StoredAccount ToModel(AccountRow row)
    {
        Dictionary<string, string> secrets;
        try
        {
            secrets = StringMapJson.Deserialize(protector.Unprotect(row.SecretsEncrypted, row.Id));
        }
        catch (SecretDecryptionException e)
        {
            throw new SecretDecryptionException($"The secrets of account {row.Id} cannot be decrypted. {e.Message}", e);
        }
        catch (JsonException e)
        {
            // JsonException messages can quote the text they choked on, which here is secret: drop it.
            throw new SecretDecryptionException($"The secrets of account {row.Id} decrypted to something that is not a JSON object of strings (at {e.Path}).");
        }

        return new StoredAccount(
            row.Id,
            row.OwnerId,
            row.App,
            row.Name,
            StringMapJson.Deserialize(row.SettingsJson),
            secrets,
            DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAt));
    }
}
