using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tandem.Domain.Configuration;
using Tandem.Storage.Identity;
using Tandem.Web.Hosting;
using Tandem.Web.Services.Connections;
using Tandem.Web.Services.Errors;

namespace Tandem.Web.Identity.Users;

/// <summary>
/// Who may sign up, who the administrator is (the first user), and what the administrator does: list users, disable
/// one, invite people. Any other user asking for these is told that nothing is there (404), as for another user's data.
/// </summary>
public sealed class UserDirectory(UserManager<TandemUser> users, Invitations invitations, ConnectionService connections, IOptions<TandemWebOptions> options)
{
    /// <summary>The claim that marks the administrator.</summary>
    public static readonly Claim AdministratorClaim = new("tandem:role", "administrator");

    /// <summary>
    /// A disabled user is locked out until the end of time: sign-in refuses them, and <see cref="IsDisabled"/> tells this
    /// apart from the few minutes' lockout after failed passwords, which must not stop their API tokens.
    /// </summary>
    public static readonly DateTimeOffset DisabledUntil = DateTimeOffset.MaxValue;

    /// <summary>One sentence for every refused sign-up, so the page never tells whether an email has an account.</summary>
    public const string SignUpRefused = "That sign-up did not work. Check the email address and use a password of at least 8 characters; if you were invited, use the link you were sent.";

    public SignUpMode Mode => options.Value.EffectiveSignUp;

    public static bool IsDisabled(DateTimeOffset? lockoutEnd) => lockoutEnd == DisabledUntil;

    /// <summary>True when a new person may sign up now with <paramref name="invitation"/> (or without one).</summary>
    public async Task<bool> IsOpenAsync(string? invitation) =>
        Mode == SignUpMode.Open || invitations.EmailOf(invitation) is not null || !await users.Users.AnyAsync();

    /// <summary>Creates the user when sign-up is open to them; the first one becomes the administrator.</summary>
    /// <returns>The new user, or null when refused (show <see cref="SignUpRefused"/>).</returns>
    public async Task<TandemUser?> SignUpAsync(string email, string password, string? invitation)
    {
        ArgumentNullException.ThrowIfNull(email);
        var first = !await users.Users.AnyAsync();
        var invited = invitations.EmailOf(invitation);
        if (!first && Mode != SignUpMode.Open && !string.Equals(invited, email, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var user = new TandemUser { UserName = email, Email = email };
        if (!(await users.CreateAsync(user, password)).Succeeded)
        {
            return null;
        }

        // Checked again after creating: of two people signing up at once on an empty server, only the earlier one leads.
        if (first && (await users.GetUsersForClaimAsync(AdministratorClaim)).Count == 0)
        {
            await users.AddClaimAsync(user, AdministratorClaim);
        }

        return user;
    }

    public async Task<bool> IsAdministratorAsync(Owner owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return (await users.GetUsersForClaimAsync(AdministratorClaim)).Any(u => u.Id == owner.UserId);
    }

    /// <summary>Every user, by email.</summary>
    /// <exception cref="NotFoundException">The caller is not the administrator.</exception>
    public async Task<IReadOnlyList<UserView>> ListAsync(Owner owner, CancellationToken cancellationToken)
    {
        await ThrowUnlessAdministratorAsync(owner);
        var administrators = (await users.GetUsersForClaimAsync(AdministratorClaim)).Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var all = await users.Users.AsNoTracking().ToListAsync(cancellationToken);
        return all.OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase)
            .Select(u => new UserView(u.Id, u.Email ?? string.Empty, administrators.Contains(u.Id), IsDisabled(u.LockoutEnd)))
            .ToList();
    }

    /// <summary>Disables a user at once: no sign-in, their cookies and API tokens refused, their connections paused.</summary>
    /// <exception cref="NotFoundException">The caller is not the administrator, or no such user.</exception>
    /// <exception cref="InvalidRequestException">The administrator tried to disable themselves.</exception>
    public async Task<UserView> DisableAsync(Owner owner, string id, CancellationToken cancellationToken)
    {
        await ThrowUnlessAdministratorAsync(owner);
        var user = await users.FindByIdAsync(id) ?? throw new NotFoundException($"No user {id}.");
        if (user.Id == owner.UserId)
        {
            throw new InvalidRequestException("You cannot disable yourself: you are the administrator.");
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DisabledUntil);
        await users.UpdateSecurityStampAsync(user);
        var theirs = new Owner(user.Id);
        foreach (var connection in (await connections.ListAsync(theirs, cancellationToken)).Where(c => c.State != ConnectionState.Paused))
        {
            await connections.PauseAsync(theirs, connection.Id, cancellationToken);
        }

        return (await ListAsync(owner, cancellationToken)).Single(u => u.Id == user.Id);
    }

    /// <summary>An invitation link for <paramref name="email"/>.</summary>
    /// <exception cref="NotFoundException">The caller is not the administrator.</exception>
    public async Task<InvitationView> InviteAsync(Owner owner, string? email, Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        await ThrowUnlessAdministratorAsync(owner);
        var trimmed = email?.Trim();
        if (string.IsNullOrEmpty(trimmed) || !trimmed.Contains('@', StringComparison.Ordinal) || trimmed.Length > 256)
        {
            throw new InvalidRequestException("Give the email address of the person to invite.");
        }

        var (token, expires) = invitations.Create(trimmed);
        var link = new Uri(options.Value.PublicBaseUri() ?? baseAddress, "signup?invite=" + Uri.EscapeDataString(token));
        return new InvitationView(trimmed, link, expires);
    }

    private async Task ThrowUnlessAdministratorAsync(Owner owner)
    {
        if (!await IsAdministratorAsync(owner))
        {
            throw new NotFoundException("Nothing is here.");
        }
    }
}
