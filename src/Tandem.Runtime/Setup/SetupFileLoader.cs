using System.Text.Json;
using Tandem.Connectors.Catalog;
using Tandem.Domain.Configuration;

namespace Tandem.Runtime.Setup;

/// <summary>
/// Reads a set-up file (see <c>docs/setup-file.md</c>) and checks all of it against the catalogue before
/// anything is written: a bad file fails with one <see cref="SetupFileException"/> naming the file and the
/// JSON path at fault.
/// </summary>
public sealed class SetupFileLoader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private readonly ConnectorCatalog catalog;
    private readonly Func<string, string?> environment;

    /// <param name="catalog">The apps accounts may use.</param>
    /// <param name="environment">Reads an environment variable (secrets may come from one); null reads the process's.</param>
    public SetupFileLoader(ConnectorCatalog catalog, Func<string, string?>? environment = null)
    {
        this.catalog = catalog;
        this.environment = environment ?? Environment.GetEnvironmentVariable;
    }

    /// <exception cref="SetupFileException">The file cannot be read or is not a valid set-up file.</exception>
    public async Task<SetupFile> LoadAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string json;
        try
        {
            json = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SetupFileException($"{path}: cannot be read ({ex.Message})", ex);
        }

        return Parse(json, path);
    }

    /// <summary>Reads a set-up file's text; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="SetupFileException">It is not a valid set-up file.</exception>
    public SetupFile Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            // The parser's own message may quote the text it choked on, which could be a secret: give the place only.
            throw new SetupFileException($"{source}: not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).", ex);
        }

        using (document)
        {
            var root = new SetupJsonNode(source, "$", document.RootElement);
            root.RequireObject();
            root.AllowOnly("allowInternalHosts", "accounts", "connections");
            var hosts = root.OptionalArray("allowInternalHosts").Select(ReadHost).ToList();
            var accounts = root.OptionalArray("accounts").Select(ReadAccount).ToList();
            ThrowOnDuplicateNames(source, "accounts", accounts.Select(a => a.Name));
            var known = accounts.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
            var connections = root.OptionalArray("connections").Select(c => ReadConnection(c, known)).ToList();
            ThrowOnDuplicateNames(source, "connections", connections.Select(c => c.Name));
            return new SetupFile(source, accounts, connections) { AllowedInternalHosts = hosts };
        }
    }

    /// <summary>A bare host name or IP address: a URL or a port would suggest a narrower allowance than the host's every port.</summary>
    private static string ReadHost(SetupJsonNode node)
    {
        var host = node.String().Trim();
        var bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return bare.Length > 0 && (System.Net.IPAddress.TryParse(bare, out _) || Uri.CheckHostName(bare) == UriHostNameType.Dns)
            ? host
            : throw node.Error($"'{host}' is not a host name or IP address (write the host alone, e.g. \"192.168.1.20\" or \"nas.lan\", without scheme, port or path).");
    }

    private SetupAccount ReadAccount(SetupJsonNode node)
    {
        node.RequireObject();
        node.AllowOnly("name", "app", "settings", "secrets");
        var name = node.RequiredString("name");
        var appNode = node.Property("app");
        var appKey = node.RequiredString("app");
        ConnectorDescriptor app;
        try
        {
            app = catalog.Get(appKey).Descriptor;
        }
        catch (KeyNotFoundException ex)
        {
            throw appNode!.Error(ex.Message);
        }

        var fields = app.Settings.ToDictionary(f => f.Key, StringComparer.Ordinal);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in node.OptionalObject("settings"))
        {
            CheckField(value, key, fields, app, secret: false);
            settings[key] = value.String();
        }

        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in node.OptionalObject("secrets"))
        {
            CheckField(value, key, fields, app, secret: true);
            secrets[key] = ResolveSecret(value);
        }

        foreach (var field in app.Settings.Where(f => f.IsRequired))
        {
            var values = field.IsSecret ? secrets : settings;
            if (!values.TryGetValue(field.Key, out var value) || string.IsNullOrWhiteSpace(value))
            {
                var section = field.IsSecret ? "secrets" : "settings";
                throw node.Error($"account '{name}' ({app.App}) needs the {section} entry '{field.Key}' ({field.Label}).");
            }
        }

        return new SetupAccount(name, app.App, settings, secrets);
    }

    private static void CheckField(SetupJsonNode value, string key, Dictionary<string, SettingField> fields, ConnectorDescriptor app, bool secret)
    {
        if (!fields.TryGetValue(key, out var field))
        {
            var known = fields.Count == 0 ? "none" : string.Join(", ", fields.Keys);
            throw value.Error($"'{key}' is not a setting of {app.App} (its settings: {known}).");
        }

        if (field.IsSecret != secret)
        {
            throw value.Error(secret
                ? $"'{key}' is not a secret of {app.App}: put it under \"settings\"."
                : $"'{key}' is a secret of {app.App}: put it under \"secrets\" so it is stored encrypted.");
        }
    }

    private string ResolveSecret(SetupJsonNode value)
    {
        if (value.Element.ValueKind == JsonValueKind.String)
        {
            return value.String();
        }

        if (value.Element.ValueKind != JsonValueKind.Object)
        {
            throw value.Error("must be a string or {\"env\": \"VARIABLE\"}.");
        }

        value.AllowOnly("env");
        var variable = value.RequiredString("env");
        var resolved = environment(variable);
        return string.IsNullOrEmpty(resolved)
            ? throw value.Error($"the environment variable {variable} is not set.")
            : resolved;
    }

    private static SetupConnection ReadConnection(SetupJsonNode node, HashSet<string> accounts)
    {
        node.RequireObject();
        node.AllowOnly("name", "accountA", "accountB", "settings");
        var name = node.RequiredString("name");
        var a = RequireAccount(node, "accountA", accounts);
        var b = RequireAccount(node, "accountB", accounts);
        if (a == b)
        {
            throw node.Error($"connection '{name}' joins account '{a}' with itself; name two different accounts.");
        }

        var settingsNode = node.Property("settings");
        if (settingsNode is null)
        {
            return new SetupConnection(name, a, b, new ConnectionSettings());
        }

        settingsNode.RequireObject();
        try
        {
            return new SetupConnection(name, a, b, ConnectionSettingsJson.Deserialize(settingsNode.Element.GetRawText()));
        }
        catch (JsonException ex)
        {
            var inner = ex.Path is { Length: > 1 } p ? settingsNode.Path + p[1..] : settingsNode.Path;
            throw new SetupFileException($"{node.Source}: {inner}: {Describe(ex)}", ex);
        }
    }

    private static string RequireAccount(SetupJsonNode node, string property, HashSet<string> accounts)
    {
        var name = node.RequiredString(property);
        return accounts.Contains(name)
            ? name
            : throw node.Property(property)!.Error($"no account named '{name}' is defined in this file.");
    }

    private static void ThrowOnDuplicateNames(string source, string section, IEnumerable<string> names)
    {
        if (names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new SetupFileException($"{source}: $.{section}: the name '{duplicate.Key}' is used twice; names must be unique.");
        }
    }

    // System.Text.Json appends its own "Path: … | LineNumber: …" to messages; the path is already given.
    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
