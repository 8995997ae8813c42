using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Engine.Validation;

namespace Tandem.Runtime.Setup;

/// <summary>
/// Checks each connection of a set-up file with the <see cref="ConnectionValidator"/> the web app uses, so a file
/// cannot store a connection the wizard or the REST API would refuse. Each account's fields are read from its app
/// (with the file's own settings and secrets, once per account) before anything is written.
/// </summary>
public sealed class SetupConnectionCheck(ConnectorCatalog catalog, ConnectorContext context)
{
    /// <summary>How long reading one account's fields may take (as in the web app).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    // The key under which every app with a phone region keeps it; the web app's account schema reads the same key.
    private const string DefaultRegionSetting = "defaultRegion";

    /// <param name="file">The set-up file.</param>
    /// <param name="include">Which of its connections to check (those about to be saved); the others are not read.</param>
    /// <param name="cancellationToken">Stops reading the apps.</param>
    /// <exception cref="SetupFileException">A connection would be refused, or an account's fields cannot be read; the message names the connection and every problem.</exception>
    public async Task CheckAsync(SetupFile file, Func<SetupConnection, bool> include, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(include);
        var accounts = file.Accounts.ToDictionary(a => a.Name, StringComparer.Ordinal);
        var sides = new Dictionary<string, ConnectionSide>(StringComparer.Ordinal);
        for (var i = 0; i < file.Connections.Count; i++)
        {
            var connection = file.Connections[i];
            if (!include(connection))
            {
                continue;
            }

            var where = $"{file.Source}: $.connections[{i}]";
            var a = await SideAsync(accounts[connection.AccountA], sides, where, cancellationToken);
            var b = await SideAsync(accounts[connection.AccountB], sides, where, cancellationToken);
            var problems = ConnectionValidator.Check(connection.Name, connection.Settings, a, b);
            if (problems.Count > 0)
            {
                var listed = problems.Count == 1 ? problems[0] : $"{problems.Count} problems: {string.Join(" ", problems)}";
                throw new SetupFileException($"{where}: connection '{connection.Name}' cannot be saved. {listed}");
            }
        }
    }

    /// <summary>
    /// Checks that each saved account's settings the app lists values for (a sales unit, a database) hold one of them,
    /// as the web form and the REST API do.
    /// </summary>
    /// <param name="file">The set-up file.</param>
    /// <param name="include">Which of its accounts to check (those about to be saved).</param>
    /// <param name="cancellationToken">Stops reading the apps.</param>
    /// <exception cref="SetupFileException">A value is not one the app offers; the message lists those it does.</exception>
    public async Task CheckChoicesAsync(SetupFile file, Func<SetupAccount, bool> include, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(include);
        var read = new Dictionary<string, ConnectionSide>(StringComparer.Ordinal);
        for (var i = 0; i < file.Accounts.Count; i++)
        {
            var account = file.Accounts[i];
            var choices = catalog.Get(account.App).Descriptor.Settings.Where(f => f.HasChoices);
            if (include(account) && choices.Any(f => !string.IsNullOrWhiteSpace(account.Settings.GetValueOrDefault(f.Key) ?? account.Secrets.GetValueOrDefault(f.Key))))
            {
                await SideAsync(account, read, $"{file.Source}: $.accounts[{i}]", cancellationToken);
            }
        }
    }

    private async Task<ConnectionSide> SideAsync(SetupAccount account, Dictionary<string, ConnectionSide> read, string where, CancellationToken cancellationToken)
    {
        if (read.TryGetValue(account.Name, out var known))
        {
            return known;
        }

        var factory = catalog.Get(account.App);
        var values = new Dictionary<string, string>(account.Settings, StringComparer.Ordinal);
        foreach (var (key, value) in account.Secrets)
        {
            values[key] = value;
        }

        using var timeout = new CancellationTokenSource(Timeout, context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await using var connector = factory.Create(new AccountSettings(values), context);
            await SettingChoicesCheck.CheckAsync(factory.Descriptor, connector, values, linked.Token);
            var schema = await connector.GetSchemaAsync(linked.Token);
            // The connector's own capabilities, as the engine uses them (an in-memory app has its own, not the catalogue's).
            var side = new ConnectionSide(factory.Descriptor.DisplayName, connector.Capabilities, schema)
            {
                DefaultRegion = account.Settings.GetValueOrDefault(DefaultRegionSetting),
            };
            read[account.Name] = side;
            return side;
        }
        catch (Exception ex) when (Unreachable(ex, cancellationToken) is { } why)
        {
            throw new SetupFileException($"{where}: the fields of account '{account.Name}' cannot be read: {why}", ex);
        }
    }

    /// <summary>What went wrong talking to the app, in words, or null for anything else.</summary>
    private static string? Unreachable(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        ConnectorException => exception.Message,
        HttpRequestException => $"the app could not be reached ({exception.Message}).",
        OperationCanceledException when !cancellationToken.IsCancellationRequested => $"the app did not answer within {Timeout.TotalSeconds:0} seconds.",
        _ => null,
    };
}
