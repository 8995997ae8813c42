using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tandem.Storage;
using Tandem.Storage.Identity;
using Tandem.Web.Identity.Users;
using Tandem.Web.Services.Errors;

namespace Tandem.Web.Identity.ApiTokens;

/// <summary>
/// Per-user API tokens (PRODUCT.md §8): made, listed and revoked by their owner; stored as SHA-256 hashes,
/// so a stolen database gives no usable token. A token is <c>tdm_</c> and 43 characters of base64url.
/// </summary>
public sealed class ApiTokenService(TandemDatabase database, TimeProvider time)
{
    public const string TokenPrefix = "tdm_";

    private const int MaxNameLength = 100;

    // Writing "last used" on every request would make each API call a write; once a minute is enough to show.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>Makes a token; <paramref name="expiresAt"/> must be in the future when given.</summary>
    /// <exception cref="InvalidRequestException">No name, too long a name, or an expiry in the past.</exception>
    public async Task<CreatedApiToken> CreateAsync(Owner owner, string? name, CancellationToken cancellationToken, DateTimeOffset? expiresAt = null, bool readOnly = false)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new InvalidRequestException("Give the token a name, such as the script or machine that will use it.");
        }

        if (trimmed.Length > MaxNameLength)
        {
            throw new InvalidRequestException($"A token's name can have at most {MaxNameLength} characters.");
        }

        if (expiresAt is { } expiry && expiry <= time.GetUtcNow())
        {
            throw new InvalidRequestException("A token's expiry must be in the future.");
        }

        var token = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var row = new ApiTokenRow
        {
            Id = Guid.NewGuid().ToString("N"),
            UserId = owner.UserId,
            Name = trimmed,
            TokenHash = Hash(token),
            Prefix = token[..(TokenPrefix.Length + 6)],
            CreatedAt = time.GetUtcNow().ToUnixTimeMilliseconds(),
            ExpiresAt = expiresAt?.ToUnixTimeMilliseconds(),
            ReadOnly = readOnly,
        };
        await using var context = database.CreateIdentityDbContext();
        context.ApiTokens.Add(row);
        await context.SaveChangesAsync(cancellationToken);
        return new CreatedApiToken(ToView(row), token);
    }

    /// <summary>The owner's tokens, newest first.</summary>
    public async Task<IReadOnlyList<ApiTokenView>> ListAsync(Owner owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        await using var context = database.CreateIdentityDbContext();
        var rows = await context.ApiTokens.AsNoTracking()
            .Where(t => t.UserId == owner.UserId)
            .OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(ToView);
    }

    /// <summary>Revokes one of the owner's tokens at once.</summary>
    /// <exception cref="NotFoundException">No such token of this owner.</exception>
    public async Task RevokeAsync(Owner owner, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        await using var context = database.CreateIdentityDbContext();
        var removed = await context.ApiTokens.Where(t => t.Id == id && t.UserId == owner.UserId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            throw new NotFoundException($"No API token {id}.");
        }
    }

    /// <summary>What a token signs in, or null when it is unknown, revoked, expired, or its owner is disabled.</summary>
    public async Task<ApiTokenGrant?> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || !token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 200)
        {
            return null;
        }

        var hash = Hash(token);
        await using var context = database.CreateIdentityDbContext();
        var row = await context.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (row is null || now >= row.ExpiresAt)
        {
            return null;
        }

        // Loaded, not compared in SQL: SQLite cannot compare the stored date-and-offset.
        var lockoutEnd = await context.Users.AsNoTracking().Where(u => u.Id == row.UserId).Select(u => u.LockoutEnd).SingleOrDefaultAsync(cancellationToken);
        if (UserDirectory.IsDisabled(lockoutEnd))
        {
            return null;
        }

        if (row.LastUsedAt is not { } last || now - last >= (long)LastUsedResolution.TotalMilliseconds)
        {
            await context.ApiTokens.Where(t => t.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        }

        return new ApiTokenGrant(row.UserId, row.Id, row.ReadOnly);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static ApiTokenView ToView(ApiTokenRow row) => new(
        row.Id,
        row.Name,
        row.Prefix,
        DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAt),
        row.LastUsedAt is { } used ? DateTimeOffset.FromUnixTimeMilliseconds(used) : null,
        row.ExpiresAt is { } expires ? DateTimeOffset.FromUnixTimeMilliseconds(expires) : null,
        row.ReadOnly);
}
