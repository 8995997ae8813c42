using System.Globalization;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Web.Identity;
using Tandem.Web.Services.Accounts;
using Tandem.Web.Services.Catalog;
using Tandem.Web.Services.Errors;

namespace Tandem.Web.OAuth;

/// <summary>
/// Authorising an account through the provider's consent page (PRODUCT.md §3 step 2): send the user there with a
/// state bound to them (and PKCE where the provider takes it), then exchange the code that comes back and store
/// the account through <see cref="AccountService"/>, which tests it first.
/// </summary>
public sealed class OAuthFlow(
    OAuthApps apps,
    OAuthStates states,
    AppCatalogService catalog,
    AccountService accounts,
    ConnectorContext connectors,
    ILogger<OAuthFlow> logger)
{
    /// <summary>How long the provider may take to exchange the code.</summary>
    public static readonly TimeSpan ExchangeTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The consent page to send the user to.</summary>
    /// <param name="owner">The signed-in user.</param>
    /// <param name="app">The app's key.</param>
    /// <param name="accountId">The account to re-authorise, or null for a new one.</param>
    /// <param name="name">What to call a new account.</param>
    /// <param name="values">Non-secret settings of the app the user gave (others, and every address, are ignored).</param>
    /// <param name="redirectUri">Tandem's callback.</param>
    /// <param name="cancellationToken">Stops the look-up.</param>
    /// <exception cref="NotFoundException">No such app, or no such account of this user.</exception>
    /// <exception cref="OAuthRefusedException">The app has no consent page Tandem can open.</exception>
    public async Task<Uri> StartAsync(Owner owner, string app, string? accountId, string? name, IReadOnlyDictionary<string, string> values, Uri redirectUri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(redirectUri);
        var descriptor = catalog.Descriptor(app);
        var client = apps.Find(descriptor.App)
            ?? throw new OAuthRefusedException($"{descriptor.DisplayName} cannot be authorised through its consent page on this server: no OAuth client is configured (Tandem:OAuth:{descriptor.App}).");
        if (!string.IsNullOrEmpty(accountId))
        {
            var account = await accounts.GetStoredAsync(owner, accountId, cancellationToken);
            if (account.App != descriptor.App)
            {
                throw NotFoundException.Account(accountId);
            }
        }

        // Never an address: the provider's endpoints come from the operator's client, the sandbox or the connector.
        var settings = descriptor.Settings.Where(s => !s.IsSecret && !s.IsAddress).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var kept = values.Where(v => settings.Contains(v.Key) && !string.IsNullOrWhiteSpace(v.Value)).ToDictionary(v => v.Key, v => v.Value.Trim(), StringComparer.Ordinal);
        var verifier = client.Provider.UsesPkce ? OAuthStates.NewCodeVerifier() : null;
        var state = states.Add(new PendingAuthorization(owner.UserId, descriptor.App, string.IsNullOrEmpty(accountId) ? null : accountId, name, kept, verifier, redirectUri, states.NewExpiry()));
        OAuthLog.Started(logger, owner.UserId, descriptor.App);
        return ConsentPage(client, state, verifier, redirectUri);
    }

    /// <summary>Checks the state, exchanges the code, and stores the account once the app accepts it.</summary>
    /// <exception cref="OAuthRefusedException">The state is wrong, the user declined, or the exchange failed; nothing was stored.</exception>
    /// <exception cref="InvalidRequestException">The app did not accept the account (the message says why); nothing was stored.</exception>
    public async Task<OAuthResult> CompleteAsync(Owner owner, string? state, string? code, string? error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        try
        {
            return await CompleteCheckedAsync(owner, state, code, error, cancellationToken);
        }
        catch (Exception ex) when (ex is OAuthRefusedException or InvalidRequestException or NotFoundException)
        {
            OAuthLog.Refused(logger, owner.UserId, ex.GetType().Name);
            throw;
        }
    }

    private async Task<OAuthResult> CompleteCheckedAsync(Owner owner, string? state, string? code, string? error, CancellationToken cancellationToken)
    {
        var pending = states.Take(state, owner.UserId);
        var descriptor = catalog.Descriptor(pending.App);
        if (!string.IsNullOrEmpty(error))
        {
            throw new OAuthRefusedException(error == "access_denied"
                ? $"You declined to give Tandem access to {descriptor.DisplayName}, so no account was connected."
                : $"{descriptor.DisplayName} did not authorise Tandem ({Short(error)}); nothing was stored.");
        }

        if (string.IsNullOrEmpty(code))
        {
            throw new OAuthRefusedException($"{descriptor.DisplayName} sent no authorisation code back; nothing was stored.");
        }

        var client = apps.Find(pending.App)
            ?? throw new OAuthRefusedException($"{descriptor.DisplayName} can no longer be authorised through its consent page on this server; nothing was stored.");
        var tokens = await ExchangeAsync(client, descriptor.DisplayName, code, pending, cancellationToken);
        var values = new Dictionary<string, string>(client.SandboxValues, StringComparer.Ordinal);
        foreach (var (key, value) in pending.Values.Concat(Granted(client, tokens)))
        {
            values[key] = value;
        }

        AccountView account;
        if (pending.AccountId is { } id)
        {
            account = await accounts.ReauthorizeAsync(owner, id, new ReauthorizeAccountRequest(values), cancellationToken);
        }
        else
        {
            var name = string.IsNullOrWhiteSpace(pending.Name) && client.IsSandbox ? $"{descriptor.DisplayName} (sandbox)" : pending.Name;
            account = await accounts.AuthorizeAsync(owner, new AuthorizeAccountRequest(descriptor.App, name, values), cancellationToken);
        }

        OAuthLog.Completed(logger, owner.UserId, descriptor.App, account.Id);
        return new OAuthResult(account, pending.AccountId is not null);
    }

    // What the connector makes of the answer; its refusals (no refresh token) are written to be shown.
    private static IReadOnlyDictionary<string, string> Granted(OAuthApp client, OAuthTokens tokens)
    {
        try
        {
            return client.Provider.Settings(new OAuthGrant(client.ClientId, client.ClientSecret, client.AuthorizeUrl, client.TokenUrl, tokens));
        }
        catch (ConnectorException ex)
        {
            throw new OAuthRefusedException($"{ex.Message} Nothing was stored.", ex);
        }
    }

    private async Task<OAuthTokens> ExchangeAsync(OAuthApp client, string appName, string code, PendingAuthorization pending, CancellationToken cancellationToken)
    {
        // Through the connectors' guarded transport: the token endpoint is held to the same network policy, no redirect.
        using var http = ConnectorHttp.Client(appName, connectors, HttpLimits.Default with { ResponseTimeout = ExchangeTimeout }, retry: null, logger);
        var tokenClient = new OAuthTokenClient(http, new OAuthClientOptions(client.TokenUrl, client.ClientId, client.ClientSecret) { UseBasicAuthentication = client.Provider.UsesBasicAuthentication }, connectors.Time, logger);
        try
        {
            return await tokenClient.ExchangeCodeAsync(code, pending.RedirectUri, cancellationToken, pending.CodeVerifier);
        }
        catch (ConnectorException ex)
        {
            // Connector messages are written to be shown: they never hold secrets.
            throw new OAuthRefusedException($"{appName} did not exchange the authorisation code: {ex.Message} Nothing was stored.", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new OAuthRefusedException($"{appName} could not be reached to exchange the authorisation code ({ex.Message}); nothing was stored.", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OAuthRefusedException($"{appName} did not answer within {ExchangeTimeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} seconds; nothing was stored.", ex);
        }
    }

    private static Uri ConsentPage(OAuthApp client, string state, string? verifier, Uri redirectUri)
    {
        var query = new List<KeyValuePair<string, string>>
        {
            new("response_type", "code"),
            new("client_id", client.ClientId),
            new("redirect_uri", redirectUri.ToString()),
            new("state", state),
        };
        if (client.Provider.Scope is { } scope)
        {
            query.Add(new("scope", scope));
        }

        if (verifier is not null)
        {
            query.Add(new("code_challenge", OAuthStates.Challenge(verifier)));
            query.Add(new("code_challenge_method", "S256"));
        }

        query.AddRange(client.Provider.ExtraParameters);
        var separator = string.IsNullOrEmpty(client.AuthorizeUrl.Query) ? "?" : "&";
        return new Uri(client.AuthorizeUrl + separator + string.Join('&', query.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value))));
    }

    // A provider's error code is shown as it came, cut short: it comes from the address bar, not from the provider.
    private static string Short(string error) => new(error.Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-').Take(60).ToArray());
}
