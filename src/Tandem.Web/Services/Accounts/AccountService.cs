using Tandem.Connectors.Contract;
using Tandem.Runtime.Hosting;
using Tandem.Storage.Accounts;
using Tandem.Storage.Connections;
using Tandem.Web.Identity;
using Tandem.Web.Sandbox;
using Tandem.Web.Services.Catalog;
using Tandem.Web.Services.Connections;
using Tandem.Web.Services.Errors;
using Tandem.Web.Workers;

namespace Tandem.Web.Services.Accounts;

/// <summary>
/// A user's connected accounts: authorise (tested at once; nothing is stored when the app refuses), reuse,
/// re-authorise, rename, test, remove. Secrets are stored encrypted and never returned.
/// </summary>
public sealed class AccountService(
    TandemRuntime runtime,
    AppCatalogService apps,
    AccountTester tester,
    HostedSandboxes sandbox,
    UrlGuard urls,
    RunRequests runs)
{
    private const int MaxNameLength = 200;

    private AccountStore Accounts => runtime.Accounts;

    private ConnectionStore Connections => runtime.Connections;

    /// <summary>The owner's accounts, oldest first.</summary>
    public async Task<IReadOnlyList<AccountView>> ListAsync(Owner owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var accounts = await Accounts.ListByOwnerAsync(owner.UserId, cancellationToken);
        var connections = (await Connections.ListByOwnerAsync(owner.UserId, cancellationToken)).Where(c => !DraftPreviews.IsPreview(c)).ToList();
        return accounts.Select(a => ToView(a, connections)).ToList();
    }

    /// <exception cref="NotFoundException">No such account of this owner.</exception>
    public async Task<AccountView> GetAsync(Owner owner, string id, CancellationToken cancellationToken)
    {
        var account = await GetStoredAsync(owner, id, cancellationToken);
        return ToView(account, await Connections.ListByOwnerAsync(owner.UserId, cancellationToken));
    }

    /// <summary>The stored account, secrets included, for the other services; never hand it to a page or the API.</summary>
    /// <exception cref="NotFoundException">No such account of this owner.</exception>
    public async Task<StoredAccount> GetStoredAsync(Owner owner, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var account = string.IsNullOrWhiteSpace(id) ? null : await Accounts.GetAsync(id, cancellationToken);
        return account is not null && account.OwnerId == owner.UserId ? account : throw NotFoundException.Account(id);
    }

    /// <summary>Checks the form, tries it against the app, and stores the account only when the app accepts it.</summary>
    /// <exception cref="InvalidRequestException">A value is wrong or the app refused it (the message says why).</exception>
    /// <exception cref="NotFoundException">No such app.</exception>
    public async Task<AccountView> AuthorizeAsync(Owner owner, AuthorizeAccountRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(request);
        var descriptor = apps.Descriptor(request.App ?? string.Empty);
        var (settings, secrets) = AccountValues.Split(descriptor, request.Values, stored: null, SandboxFor(descriptor.App, request.UseSandbox), urls);
        var name = CheckName(request.Name) ?? (request.UseSandbox ? $"{descriptor.DisplayName} (sandbox)" : descriptor.DisplayName);
        await ThrowUnlessAcceptedAsync(descriptor.App, descriptor.DisplayName, settings, secrets, cancellationToken);
        var added = await Accounts.AddAsync(new NewAccount(owner.UserId, descriptor.App, name, settings, secrets), cancellationToken);
        return ToView(added, []);
    }

    /// <summary>
    /// Replaces the values given (others keep what is stored), tries them, and stores them only when the app
    /// accepts them; the connections using the account then run again.
    /// </summary>
    public async Task<AccountView> ReauthorizeAsync(Owner owner, string id, ReauthorizeAccountRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var account = await GetStoredAsync(owner, id, cancellationToken);
        var descriptor = apps.Descriptor(account.App);
        var stored = AccountValues.Merge(account.Settings, account.Secrets);
        var (settings, secrets) = AccountValues.Split(descriptor, request.Values, stored, SandboxFor(descriptor.App, request.UseSandbox), urls);
        await ThrowUnlessAcceptedAsync(descriptor.App, descriptor.DisplayName, settings, secrets, cancellationToken);
        await Accounts.UpdateSettingsAsync(account.Id, account.Name, settings, cancellationToken);
        await Accounts.UpdateSecretsAsync(account.Id, secrets, cancellationToken);
        var connections = await Connections.ListByOwnerAsync(owner.UserId, cancellationToken);
        foreach (var connection in connections.Where(c => c.AccountAId == account.Id || c.AccountBId == account.Id))
        {
            runs.Request(connection.Id);
        }

        return await GetAsync(owner, id, cancellationToken);
    }

    /// <summary>
    /// The values one setting of the app's form may take (a sales unit, a database), read from the app with the values
    /// given so far (a re-authorised account's stored ones, or the sandbox's, fill the rest). Nothing is stored.
    /// </summary>
    /// <exception cref="InvalidRequestException">A value is refused, or the app cannot be asked (the message says why).</exception>
    public async Task<IReadOnlyList<SettingChoice>> ChoicesAsync(Owner owner, string app, string settingKey, IReadOnlyDictionary<string, string> given, bool useSandbox, string? accountId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(given);
        var descriptor = apps.Descriptor(app);
        var stored = accountId is null ? null : await GetStoredAsync(owner, accountId, cancellationToken);
        if (stored is not null && stored.App != descriptor.App)
        {
            throw NotFoundException.Account(accountId!);
        }

        var sandboxValues = SandboxFor(descriptor.App, useSandbox)?.Values;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var storedValues = stored is null ? null : AccountValues.Merge(stored.Settings, stored.Secrets);
        foreach (var field in descriptor.Settings.Where(f => f.Key != settingKey))
        {
            var value = new[] { given, storedValues, sandboxValues }.Select(v => v?.GetValueOrDefault(field.Key)?.Trim()).FirstOrDefault(v => !string.IsNullOrEmpty(v));
            if (value is null)
            {
                continue;
            }

            if (urls.Refuse(value) is { } refusal)
            {
                throw new InvalidRequestException($"“{field.Label}” ({field.Key}) {refusal}");
            }

            values[field.Key] = value;
        }

        var (choices, problem) = await tester.ChoicesAsync(descriptor.App, values, settingKey, cancellationToken);
        return problem is null ? choices : throw new InvalidRequestException($"{descriptor.DisplayName} could not list the values: {problem}");
    }

    /// <summary>Tries the stored values against the app now.</summary>
    public async Task<AccountCheck> TestAsync(Owner owner, string id, CancellationToken cancellationToken)
    {
        var account = await GetStoredAsync(owner, id, cancellationToken);
        return await tester.TestAsync(account.App, AccountValues.Merge(account.Settings, account.Secrets), cancellationToken);
    }

    public async Task<AccountView> RenameAsync(Owner owner, string id, string? name, CancellationToken cancellationToken)
    {
        var account = await GetStoredAsync(owner, id, cancellationToken);
        var checkedName = CheckName(name) ?? throw new InvalidRequestException("Give the account a name.");
        await Accounts.UpdateSettingsAsync(account.Id, checkedName, account.Settings, cancellationToken);
        return await GetAsync(owner, id, cancellationToken);
    }

    /// <summary>Removes an account no connection uses.</summary>
    /// <exception cref="ConflictException">Connections use it; the message names them.</exception>
    public async Task RemoveAsync(Owner owner, string id, CancellationToken cancellationToken)
    {
        var account = await GetStoredAsync(owner, id, cancellationToken);
        try
        {
            await Accounts.RemoveAsync(account.Id, cancellationToken);
        }
        catch (AccountInUseException ex)
        {
            // The store's message names the account by its id (for the command line's logs); a person reads its name.
            var names = new List<string>();
            foreach (var connectionId in ex.ConnectionIds)
            {
                names.Add((await Connections.GetAsync(connectionId, cancellationToken))?.Name is { } name ? $"“{name}”" : "a connection being removed");
            }

            var used = names.Count == 1 ? $"the connection {names[0]}" : $"{names.Count} connections: {string.Join(", ", names)}";
            throw new ConflictException($"“{account.Name}” is used by {used}. Delete {(names.Count == 1 ? "it" : "them")} first, then remove the account.", ex);
        }
    }

    private HostedSandbox? SandboxFor(string app, bool wanted)
    {
        if (!wanted)
        {
            return null;
        }

        return sandbox.Find(app)
            ?? throw new InvalidRequestException(sandbox.All.Count == 0
                ? "The sandbox apps are not running on this server (Tandem:Sandbox:Enabled is off)."
                : $"There is no sandbox of '{app}'; the sandbox apps are {string.Join(", ", sandbox.All.Select(a => a.App))}.");
    }

    private async Task ThrowUnlessAcceptedAsync(string app, string appName, Dictionary<string, string> settings, Dictionary<string, string> secrets, CancellationToken cancellationToken)
    {
        var check = await tester.TestAsync(app, AccountValues.Merge(settings, secrets), cancellationToken);
        if (!check.Ok)
        {
            throw new InvalidRequestException($"{appName} did not accept the account: {check.Reason}");
        }
    }

    private static string? CheckName(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length <= MaxNameLength ? trimmed : throw new InvalidRequestException($"An account's name can have at most {MaxNameLength} characters.");
    }

    private AccountView ToView(StoredAccount account, IReadOnlyList<StoredConnection> connections)
    {
        string appName;
        try
        {
            appName = runtime.Catalog.Get(account.App).Descriptor.DisplayName;
        }
        catch (KeyNotFoundException)
        {
            appName = account.App;
        }

        return new AccountView(
            account.Id,
            account.App,
            appName,
            account.Name,
            account.Settings,
            account.Secrets.Keys.Order(StringComparer.Ordinal).ToList(),
            account.CreatedAt,
            connections.Where(c => c.AccountAId == account.Id || c.AccountBId == account.Id).Select(c => c.Id).ToList());
    }
}
