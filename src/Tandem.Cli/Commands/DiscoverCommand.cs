using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Tandem.Cli.Hosting;
using Tandem.Cli.Output;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;

namespace Tandem.Cli.Commands;

/// <summary>
/// <c>tandem discover APP [ADDRESS] --username U</c>, like <c>vdirsyncer discover</c>: lists the collections an account
/// offers (a CardDAV server's address books with their URL, card count and sync-token support) and prints the set-up
/// file for the one picked. The password comes from an environment variable or a prompt, never from the command line.
/// </summary>
internal static class DiscoverCommand
{
    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var discoverable = environment.Apps.Connectors.Apps
            .Where(d => environment.Apps.Connectors.Get(d.App) is ICollectionDiscovery)
            .Select(d => d.App)
            .ToList();
        var app = new Argument<string>("APP") { Description = "The app: " + string.Join(", ", discoverable) + "." };
        app.AcceptOnlyFromAmong([.. discoverable]);
        var address = new Argument<string?>("ADDRESS") { Description = "The server's address (a CardDAV server, or an address book).", Arity = ArgumentArity.ZeroOrOne };
        var username = new Option<string?>("--username") { Description = "The user name on that server." };
        var passwordEnv = new Option<string?>("--password-env") { Description = "The environment variable holding the password (else it is asked for)." };
        var settings = new Option<string[]>("--setting") { Description = "Another setting of the account, as KEY=VALUE (repeatable)." };
        var pick = new Option<string?>("--pick") { Description = "The collection to print the set-up file for, by name (needed when there are several)." };
        var command = new Command("discover", "List the address books (or other collections) an account offers and print the set-up file for one.")
        {
            app, address, username, passwordEnv, settings, pick,
        };
        command.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(environment, async () =>
        {
            var key = parse.GetValue(app)!;
            var discovery = (ICollectionDiscovery)environment.Apps.Connectors.Get(key);
            var request = new DiscoveryRequest(key, discovery, parse.GetValue(address), parse.GetValue(username), parse.GetValue(passwordEnv), parse.GetValue(settings) ?? [], parse.GetValue(pick));
            return await RunAsync(global, parse, environment, request, cancellationToken);
        }));
        return command;
    }

    private static async Task<int> RunAsync(GlobalOptions global, ParseResult parse, CliEnvironment environment, DiscoveryRequest request, CancellationToken cancellationToken)
    {
        var (values, secretVariable) = Values(request, environment);
        var addressHost = request.Address is { } a && Uri.TryCreate(a, UriKind.Absolute, out var url) ? url.Host : null;

        // The operator typed this address on the command line: its host may be reached even when internal (a server at
        // home); nothing else is widened, and --allow-internal-urls still allows everything.
        var network = global.Network(parse, addressHost is null ? [] : [addressHost]);
        var context = new ConnectorContext(environment.Time, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance) { Network = network, App = request.App };
        IReadOnlyList<DiscoveredCollection> found;
        try
        {
            found = await request.Discovery.DiscoverAsync(new AccountSettings(values), context, cancellationToken);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException)
        {
            await environment.Error.WriteLineAsync($"tandem: {ex.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.RunFailed;
        }

        await DiscoveryPrinter.PrintListAsync(environment.Out, request.Discovery, found);
        var chosen = Choose(request, found);
        if (chosen is null)
        {
            await environment.Out.WriteLineAsync(found.Count == 0
                ? $"No {request.Discovery.CollectionNoun} to sync."
                : $"Pick one with --pick NAME to get its set-up file.");
            return found.Count == 0 ? ExitCodes.RunFailed : ExitCodes.Ok;
        }

        var internalHost = addressHost is not null && await IsInternalAsync(addressHost, cancellationToken) ? addressHost : null;
        await DiscoveryPrinter.PrintSetupAsync(environment.Out, request, values, secretVariable, chosen, internalHost);
        return ExitCodes.Ok;
    }

    /// <summary>The account's settings from the arguments, the secret included; and the variable the set-up file reads it from.</summary>
    private static (Dictionary<string, string> Values, string? SecretVariable) Values(DiscoveryRequest request, CliEnvironment environment)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in request.Settings)
        {
            var cut = pair.IndexOf('=', StringComparison.Ordinal);
            if (cut <= 0)
            {
                throw new CliUsageException($"--setting takes KEY=VALUE; '{pair}' has no '='.");
            }

            values[pair[..cut]] = pair[(cut + 1)..];
        }

        Put(values, request.Discovery.AddressSetting, request.Address, "ADDRESS", request.App);
        Put(values, request.Discovery.UserSetting, request.UserName, "--username", request.App);
        if (request.Discovery.SecretSetting is not { } secret)
        {
            return (values, null);
        }

        var variable = request.PasswordVariable ?? request.App.ToUpperInvariant().Replace('-', '_') + "_PASSWORD";
        var value = request.PasswordVariable is { } v
            ? environment.GetVariable(v) is { Length: > 0 } set ? set : throw new CliUsageException($"The environment variable {v} is not set.")
            : environment.PromptSecret("Password: ") ?? throw new CliUsageException("No password: set it in an environment variable and name it with --password-env VARIABLE.");
        values[secret] = value;
        return (values, variable);
    }

    private static void Put(Dictionary<string, string> values, string? setting, string? value, string name, string app)
    {
        if (value is null)
        {
            return;
        }

        values[setting ?? throw new CliUsageException($"{app} takes no {name}.")] = value;
    }

    private static DiscoveredCollection? Choose(DiscoveryRequest request, IReadOnlyList<DiscoveredCollection> found)
    {
        if (request.Pick is not { } pick)
        {
            return found.Count == 1 ? found[0] : null;
        }

        return found.FirstOrDefault(c => string.Equals(c.Value, pick, StringComparison.OrdinalIgnoreCase) || string.Equals(c.DisplayName, pick, StringComparison.OrdinalIgnoreCase))
            ?? throw new CliUsageException($"No {request.Discovery.CollectionNoun} '{pick}'; there are {string.Join(", ", found.Select(c => c.Value))}.");
    }

    private static async Task<bool> IsInternalAsync(string host, CancellationToken cancellationToken)
    {
        try
        {
            var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
            return addresses.Any(NetworkPolicy.IsInternal);
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
