using Microsoft.EntityFrameworkCore;

namespace Tandem.Storage.Secrets;

/// <summary>
/// Re-encrypts every stored secret from one master key to another in a single transaction: either every account
/// opens with the new key afterwards, or (on any failure) nothing changed and the old key still opens them all.
/// </summary>
public static class SecretRotation
{
    /// <summary>Returns how many accounts' secrets were re-encrypted.</summary>
    /// <exception cref="SecretDecryptionException">A stored secret does not open with <paramref name="current"/>; nothing changed.</exception>
    public static async Task<int> ReencryptAsync(TandemDatabase database, SecretProtector current, SecretProtector next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(next);
        await using var context = database.CreateDbContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var rows = await context.Accounts.ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            row.SecretsEncrypted = next.Protect(current.Unprotect(row.SecretsEncrypted, row.Id), row.Id);
        }

        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }
}
