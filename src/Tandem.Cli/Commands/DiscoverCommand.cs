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
        var address = new Argument<string?>("ADDRESS") { Description = "The server's address, for apps that have one (a CardDAV server or address book, an app's service URL).", Arity = ArgumentArity.ZeroOrOne };
        var username = new Option<string?>("--username") { Description = "The user name on that server (for an app signed in with a token pair: the API token)." };
        var passwordEnv = new Option<string?>("--password-env") { Description = "The environment variable holding the password or API key (else it is asked for)." };
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
            var secretLabel = environment.Apps.Connectors.Get(key).Descriptor.Settings.FirstOrDefault(s => s.Key == discovery.SecretSetting)?.Label;
            var request = new DiscoveryRequest(key, discovery, parse.GetValue(address), parse.GetValue(username), parse.GetValue(passwordEnv), parse.GetValue(settings) ?? [], parse.GetValue(pick))
            {
                SecretLabel = secretLabel ?? "Password",
            };
            return await RunAsync(global, parse, environment, request, cancellationToken);
        }));
        return command;
    }

    private static async Task<int> RunAsync(GlobalOptions global, ParseResult parse, CliEnvironment environment, DiscoveryRequest request, CancellationToken cancellationToken)
    {
        var (values, secretVariable) = Values(request, environment);
        // The operator typed these addresses on the command line (the server's, a --setting baseUrl=…): their hosts may be
        // reached even when internal (a server at home); nothing else is widened, and --allow-internal-urls still allows everything.
        var typedHosts = TypedHosts(request);
        var network = global.Network(parse, typedHosts);
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

        var internalHosts = new List<string>();
        foreach (var host in typedHosts)
        {
            if (await IsInternalAsync(host, cancellationToken))
            {
                internalHosts.Add(host);
            }
        }

        await DiscoveryPrinter.PrintSetupAsync(environment.Out, request, values, secretVariable, chosen, internalHosts);
        return ExitCodes.Ok;
    }

    /// <summary>The hosts of the addresses typed on the command line: the ADDRESS argument and settings given as web addresses.</summary>
    private static List<string> TypedHosts(DiscoveryRequest request) =>
        [.. request.Settings.Select(pair => pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]).Prepend(request.Address)
            .Select(text => text is not null && Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) ? url.Host : null)
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)];

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

        var variable = request.PasswordVariable ?? VariableFor(request.App, secret);
        var value = request.PasswordVariable is { } v
            ? environment.GetVariable(v) is { Length: > 0 } set ? set : throw new CliUsageException($"The environment variable {v} is not set.")
            : environment.PromptSecret(request.SecretLabel + ": ") ?? throw new CliUsageException($"No {request.SecretLabelInSentence}: set it in an environment variable and name it with --password-env VARIABLE.");
        values[secret] = value;
        return (values, variable);
    }

    /// <summary>The variable a set-up file reads the secret from: the app and the setting, such as CARDDAV_PASSWORD or ACME_API_KEY for an app named acme.</summary>
    private static string VariableFor(string app, string secretSetting)
    {
        var words = new System.Text.StringBuilder(app.ToUpperInvariant().Replace('-', '_')).Append('_');
        foreach (var c in secretSetting)
        {
            if (char.IsUpper(c))
            {
                words.Append('_');
            }

            words.Append(char.ToUpperInvariant(c));
        }

        return words.ToString();
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
