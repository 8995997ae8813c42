using System.CommandLine;
using Tandem.Connectors.Http;
using Tandem.Storage;

namespace Tandem.Cli.Hosting;

/// <summary>The options every command takes: where the database is, and how much to log.</summary>
internal sealed class GlobalOptions
{
    /// <summary>The environment variable naming the database when <c>--database</c> is not given.</summary>
    public const string DatabaseVariable = "TANDEM_DATABASE";

    public Option<string?> Database { get; } = new("--database")
    {
        Description = $"The database: a SQLite file (default tandem.db here, or ${DatabaseVariable}) or a connection string.",
        Recursive = true,
    };

    public Option<string?> Provider { get; } = new("--provider")
    {
        Description = "sqlite or postgresql (default: inferred from --database).",
        Recursive = true,
    };

    public Option<string?> KeyFile { get; } = new("--key-file")
    {
        Description = "The master key file (default: tandem.key beside a SQLite database, or here for PostgreSQL).",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Log progress (Information); by default only warnings and errors are logged.",
        Recursive = true,
    };

    /// <summary>Plain lines for people; JSON (one object a line, scopes included) for a log collector.</summary>
    public Option<string> LogFormat { get; } = new("--log-format")
    {
        Description = "plain (default) or json: logs on standard error as one JSON object a line, each line of a run with its ConnectionId and RunId.",
        Recursive = true,
        DefaultValueFactory = _ => "plain",
    };

    /// <summary>
    /// Off by default: a set-up file from elsewhere must not silently reach services on this machine or its network.
    /// The person running <c>tandem</c> is the machine's operator and may allow it (a CardDAV server at home,
    /// <c>tandem sandbox</c> on 127.0.0.1).
    /// </summary>
    public Option<bool> AllowInternalUrls { get; } = new("--allow-internal-urls")
    {
        Description = "Let accounts reach loopback and private network addresses (a CardDAV server on the LAN, tandem sandbox on 127.0.0.1).",
        Recursive = true,
    };

    public GlobalOptions()
    {
        Provider.AcceptOnlyFromAmong("sqlite", "postgresql");
        LogFormat.AcceptOnlyFromAmong("plain", "json");
    }

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Database);
        root.Options.Add(Provider);
        root.Options.Add(KeyFile);
        root.Options.Add(Verbose);
        root.Options.Add(LogFormat);
        root.Options.Add(AllowInternalUrls);
    }

    /// <summary>
    /// Where the connectors may connect: public addresses; every internal one when the operator says so; and the
    /// internal hosts a set-up file names one by one (<paramref name="fileHosts"/>), which the operator sees in the file.
    /// </summary>
    public NetworkPolicy Network(ParseResult parse, IReadOnlyList<string> fileHosts) =>
        parse.GetValue(AllowInternalUrls)
            ? NetworkPolicy.PrivateNetworksAllowed
            : NetworkPolicy.PublicOnly
                .AndAllowingHosts(fileHosts)
                .WithHint("Run tandem with --allow-internal-urls, or name the host in the set-up file's \"allowInternalHosts\", to allow it.");

    /// <summary>
    /// The database options: a bare file name or path is a SQLite file; a string with <c>Host=</c> (or a
    /// <c>postgres://</c> URL) is PostgreSQL unless <c>--provider</c> says otherwise.
    /// </summary>
    public DatabaseOptions DatabaseOptions(ParseResult parse, CliEnvironment environment)
    {
        var value = parse.GetValue(Database);
        if (string.IsNullOrWhiteSpace(value))
        {
            value = environment.GetVariable(DatabaseVariable);
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            value = "tandem.db";
        }

        var provider = parse.GetValue(Provider) switch
        {
            "postgresql" => DatabaseProvider.PostgreSql,
            "sqlite" => DatabaseProvider.Sqlite,
            _ => LooksLikePostgres(value) ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite,
        };
        if (provider == DatabaseProvider.Sqlite && !value.Contains('=', StringComparison.Ordinal))
        {
            value = $"Data Source={value}";
        }

        return new DatabaseOptions { Provider = provider, ConnectionString = value };
    }

    private static bool LooksLikePostgres(string value) =>
        value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
        value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) ||
        value.Contains("Host=", StringComparison.OrdinalIgnoreCase);
}
