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
    }

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Database);
        root.Options.Add(Provider);
        root.Options.Add(KeyFile);
        root.Options.Add(Verbose);
        root.Options.Add(AllowInternalUrls);
    }

    /// <summary>Where the connectors may connect: public addresses, and internal ones when the operator says so.</summary>
    public NetworkPolicy Network(ParseResult parse) =>
        parse.GetValue(AllowInternalUrls)
            ? NetworkPolicy.PrivateNetworksAllowed
            : NetworkPolicy.PublicOnly.WithHint("Run tandem with --allow-internal-urls to allow it.");

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
