using System.Net;
using System.Text.Json.Nodes;

namespace Tandem.Cli.Import;

/// <summary>
/// Turns a vdirsyncer configuration into the equivalent set-up file (docs/setup-file.md): each pair, once per
/// collection, becomes a two-way connection between a <c>vcard-folder</c> account (a <c>filesystem</c> storage) and a
/// <c>carddav</c> account; <c>conflict_resolution</c> becomes the winning side, <c>read_only</c> a one-way direction.
/// What has no equivalent (calendars, hooks, conflict commands, certificate settings) is refused by name.
/// </summary>
internal sealed class VdirsyncerImporter(string workingDirectory, Func<string, string?> getVariable)
{
    // vdirsyncer's own storage type name (not Tandem's app key, which happens to be spelled the same).
    private const string CardDavStorage = "carddav";

    private static readonly HashSet<string> PairKeys = ["a", "b", "collections", "conflict_resolution", "metadata", "partial_sync"];
    private static readonly HashSet<string> FilesystemKeys = ["type", "path", "fileext", "encoding", "fileignoreext", "read_only", "instance_name"];
    private static readonly HashSet<string> CardDavKeys = ["type", "url", "username", "password", "password.fetch", "read_only", "auth", "useragent", "instance_name"];

    private readonly JsonArray accounts = [];
    private readonly JsonArray connections = [];
    private readonly SortedSet<string> internalHosts = new(StringComparer.Ordinal);
    private readonly HashSet<string> accountNames = new(StringComparer.Ordinal);

    /// <summary>What the operator should know: passwords to put in variables, what is done differently.</summary>
    public List<string> Notes { get; } = [];

    /// <exception cref="VdirsyncerImportException">Something in the configuration has no equivalent, or is not valid.</exception>
    public JsonObject Import(VdirsyncerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var pairs = config.Pairs.ToList();
        if (pairs.Count == 0)
        {
            throw new VdirsyncerImportException("The configuration has no [pair …] section; there is nothing to sync.");
        }

        foreach (var pair in pairs)
        {
            ImportPair(config, pair);
        }

        var file = new JsonObject();
        if (internalHosts.Count > 0)
        {
            file["allowInternalHosts"] = new JsonArray([.. internalHosts.Select(h => (JsonNode)JsonValue.Create(h)!)]);
            Notes.Add($"The CardDAV server{(internalHosts.Count == 1 ? " is" : "s are")} on this machine or its network: the file lists {string.Join(", ", internalHosts)} under allowInternalHosts so Tandem may reach {(internalHosts.Count == 1 ? "it" : "them")}.");
        }

        file["accounts"] = accounts;
        file["connections"] = connections;
        return file;
    }

    private void ImportPair(VdirsyncerConfig config, VdirsyncerSection pair)
    {
        RefuseUnknown(pair, PairKeys);
        var a = config.Storage(pair.RequiredString("a")) ?? throw new VdirsyncerImportException($"[pair {pair.Name}] a names no [storage {pair.String("a")}].");
        var b = config.Storage(pair.RequiredString("b")) ?? throw new VdirsyncerImportException($"[pair {pair.Name}] b names no [storage {pair.String("b")}].");
        var winner = WinningSide(pair);
        var direction = Direction(pair, a, b);
        NoteDeletions(pair, direction, direction == "AToB" ? b : direction == "BToA" ? a : null);
        if (pair.Has("metadata"))
        {
            Notes.Add($"[pair {pair.Name}] metadata: Tandem syncs the cards, not the address books' names or colours.");
        }

        foreach (var (name, nameA, nameB) in Collections(pair, a, b))
        {
            var accountA = Account(a, nameA);
            var accountB = Account(b, nameB);
            var connection = name is null ? pair.Name : $"{pair.Name}-{Safe(name)}";
            connections.Add(new JsonObject
            {
                ["name"] = connection,
                ["accountA"] = accountA,
                ["accountB"] = accountB,
                ["settings"] = new JsonObject
                {
                    ["direction"] = direction,
                    ["winningSide"] = winner,

                    // vdirsyncer copies every card, with or without an email address; so does the imported connection.
                    // Where vdirsyncer deletes a card deleted on the other side, Tandem tags it (NoteDeletions says so).
                    ["options"] = new JsonObject { ["avoidDuplicates"] = false, ["syncDeletions"] = true },
                },
            });
        }
    }

    private static string WinningSide(VdirsyncerSection pair)
    {
        if (!pair.Values.TryGetValue("conflict_resolution", out var value) || value is null)
        {
            return "A";
        }

        return (value as JsonValue)?.TryGetValue<string>(out var text) == true
            ? text switch
            {
                "a wins" => "A",
                "b wins" => "B",
                _ => throw new VdirsyncerImportException($"[pair {pair.Name}] conflict_resolution \"{text}\": vdirsyncer knows \"a wins\" and \"b wins\"."),
            }
            : throw new VdirsyncerImportException($"[pair {pair.Name}] conflict_resolution {value.ToJsonString()}: Tandem has no equivalent of resolving conflicts with a command; it merges field by field and lets one side win. Use \"a wins\" or \"b wins\".");
    }

    private static string Direction(VdirsyncerSection pair, VdirsyncerSection a, VdirsyncerSection b) =>
        (ReadOnly(a), ReadOnly(b)) switch
        {
            (false, false) => "TwoWay",
            (true, false) => "AToB",
            (false, true) => "BToA",
            _ => throw new VdirsyncerImportException($"[pair {pair.Name}]: both storages are read_only, so nothing could be written; Tandem has no equivalent."),
        };

    /// <summary>
    /// vdirsyncer deletes a card on one side when it was deleted on the other; Tandem never deletes a card in a vCard folder
    /// or an address book, it tags the other side's copy (<c>syncDeletions</c>), which the note says. With a read_only
    /// storage, <c>partial_sync</c> says what becomes of changes made on the writable side: <c>ignore</c> is what a
    /// one-way connection does; <c>revert</c> and <c>error</c> have no equivalent and are refused when written, while
    /// the unwritten default (revert) is imported as <c>ignore</c>, with a note.
    /// </summary>
    private void NoteDeletions(VdirsyncerSection pair, string direction, VdirsyncerSection? writable)
    {
        Notes.Add($"[pair {pair.Name}]: vdirsyncer deletes a card on the other side when it is deleted on one; Tandem never deletes one, it gives the other side's card the category \"Tandem Trash\" (the option syncDeletions), for you to delete.");
        var partial = pair.String("partial_sync");
        if (writable is null)
        {
            if (partial is not null)
            {
                Notes.Add($"[pair {pair.Name}] partial_sync: neither storage is read_only, so it changes nothing, in vdirsyncer as in Tandem.");
            }

            return;
        }

        var source = direction == "AToB" ? "a" : "b";
        switch (partial)
        {
            case "ignore":
                return;
            case null:
                Notes.Add($"[pair {pair.Name}]: without partial_sync vdirsyncer reverts changes made in [storage {writable.Name}]; Tandem leaves them until the card changes in the read_only storage (partial_sync = \"ignore\"), and tags a card deleted there instead of restoring it.");
                return;
            case "revert":
                throw new VdirsyncerImportException($"[pair {pair.Name}] partial_sync = \"revert\": Tandem does not revert changes made in [storage {writable.Name}]; a one-way connection from {source} leaves them until the card changes in the read_only storage. Set partial_sync = \"ignore\", which Tandem does, to import this pair.");
            case "error":
                throw new VdirsyncerImportException($"[pair {pair.Name}] partial_sync = \"error\": Tandem does not stop when [storage {writable.Name}] is changed; a one-way connection from {source} leaves such changes until the card changes in the read_only storage. Set partial_sync = \"ignore\", which Tandem does, to import this pair.");
            default:
                throw new VdirsyncerImportException($"[pair {pair.Name}] partial_sync \"{partial}\": vdirsyncer knows \"revert\", \"error\" and \"ignore\".");
        }
    }

    private static bool ReadOnly(VdirsyncerSection storage) =>
        storage.Values.TryGetValue("read_only", out var value) && value is JsonValue v && v.TryGetValue<bool>(out var flag) && flag;

    /// <summary>The pair's collections as (name, name on a, name on b); one entry with null names when collections is null.</summary>
    private IEnumerable<(string? Name, string? OnA, string? OnB)> Collections(VdirsyncerSection pair, VdirsyncerSection a, VdirsyncerSection b)
    {
        if (!pair.Values.TryGetValue("collections", out var value))
        {
            throw new VdirsyncerImportException($"[pair {pair.Name}] needs collections (null when a and b are the address books themselves, or a list), as vdirsyncer does.");
        }

        if (value is null)
        {
            return [(null, null, null)];
        }

        if (value is not JsonArray list)
        {
            throw new VdirsyncerImportException($"[pair {pair.Name}] collections must be null or a list.");
        }

        var result = new List<(string?, string?, string?)>();
        foreach (var item in list)
        {
            if (item is JsonArray triple && triple.Count == 3 && triple.All(t => t is JsonValue))
            {
                result.Add((triple[0]!.GetValue<string>(), triple[1]!.GetValue<string>(), triple[2]!.GetValue<string>()));
            }
            else if (item is JsonValue v && v.TryGetValue<string>(out var text))
            {
                result.AddRange(text switch
                {
                    "from a" => FromStorage(pair, a).Select(n => ((string?)n, (string?)n, (string?)n)),
                    "from b" => FromStorage(pair, b).Select(n => ((string?)n, (string?)n, (string?)n)),
                    _ => [(text, text, text)],
                });
            }
            else
            {
                throw new VdirsyncerImportException($"[pair {pair.Name}] collections: {item?.ToJsonString()} is neither a name, \"from a\", \"from b\" nor [name, name on a, name on b].");
            }
        }

        return result.DistinctBy(c => c.Item1);
    }

    /// <summary>
    /// "from a": the collections that storage has now. A folder's subfolders can be listed here; a CardDAV server's
    /// address books are named by the user (tandem discover lists them), since the file is written once, not rediscovered.
    /// </summary>
    private List<string> FromStorage(VdirsyncerSection pair, VdirsyncerSection storage)
    {
        if (storage.String("type") != "filesystem")
        {
            throw new VdirsyncerImportException($"[pair {pair.Name}] collections \"from …\" on the CardDAV storage [storage {storage.Name}]: Tandem's set-up file names each address book. List them with `tandem discover carddav URL --username USER` and write their names in collections.");
        }

        var root = FolderPath(storage);
        var found = Directory.Exists(root) ? Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList() : [];
        Notes.Add($"[pair {pair.Name}] collections from [storage {storage.Name}]: the folders there now ({(found.Count == 0 ? "none" : string.Join(", ", found))}); a folder added later needs its own connection.");
        return found;
    }

    /// <summary>The account for a storage (and one of its collections), added once; returns its name.</summary>
    private string Account(VdirsyncerSection storage, string? collection)
    {
        var name = collection is null ? storage.Name : $"{storage.Name}-{Safe(collection)}";
        if (!accountNames.Add(name))
        {
            return name;
        }

        accounts.Add(storage.String("type") switch
        {
            "filesystem" => Folder(storage, name, collection),
            CardDavStorage => CardDav(storage, name, collection),
            var type => throw new VdirsyncerImportException($"[storage {storage.Name}] type \"{type}\" has no equivalent in Tandem: it syncs contacts between vCard folders (filesystem) and CardDAV servers (carddav)."),
        });
        return name;
    }

    private JsonObject Folder(VdirsyncerSection storage, string name, string? collection)
    {
        RefuseUnknown(storage, FilesystemKeys);
        var extension = storage.RequiredString("fileext");
        if (!string.Equals(extension, ".vcf", StringComparison.OrdinalIgnoreCase))
        {
            throw new VdirsyncerImportException($"[storage {storage.Name}] fileext \"{extension}\": Tandem syncs contacts, one .vcf file per card; calendars and other files have no equivalent.");
        }

        if (storage.String("encoding") is { } encoding && !string.Equals(encoding, "utf-8", StringComparison.OrdinalIgnoreCase))
        {
            throw new VdirsyncerImportException($"[storage {storage.Name}] encoding \"{encoding}\": Tandem reads and writes vCard files in UTF-8 only.");
        }

        var path = FolderPath(storage);
        return new JsonObject
        {
            ["name"] = name,
            ["app"] = "vcard-folder",
            ["settings"] = new JsonObject { ["path"] = collection is null ? path : Path.Combine(path, collection) },
        };
    }

    private JsonObject CardDav(VdirsyncerSection storage, string name, string? collection)
    {
        RefuseUnknown(storage, CardDavKeys);
        var url = new Uri(storage.RequiredString("url"), UriKind.Absolute);
        if (storage.String("auth") is { } auth && auth != "basic")
        {
            throw new VdirsyncerImportException($"[storage {storage.Name}] auth \"{auth}\": Tandem signs in to CardDAV servers with basic authentication only.");
        }

        var username = storage.String("username") ?? throw new VdirsyncerImportException($"[storage {storage.Name}] needs username: Tandem signs in with a user name and password.");
        var variable = Safe(storage.Name).ToUpperInvariant().Replace('-', '_') + "_PASSWORD";
        Notes.Add(PasswordNote(storage, variable));

        // With collections = null the URL is the address book itself; otherwise the server's, and the collection names the book.
        var book = collection ?? Uri.UnescapeDataString(url.AbsolutePath.TrimEnd('/').Split('/')[^1]);
        if (IsInternal(url.Host))
        {
            internalHosts.Add(url.Host);
        }

        return new JsonObject
        {
            ["name"] = name,
            ["app"] = "carddav",
            ["settings"] = new JsonObject { ["url"] = url.AbsoluteUri, ["username"] = username, ["addressBook"] = book },
            ["secrets"] = new JsonObject { ["password"] = new JsonObject { ["env"] = variable } },
        };
    }

    /// <summary>The password never goes into the set-up file: it is read from a variable, set the way vdirsyncer got it.</summary>
    private static string PasswordNote(VdirsyncerSection storage, string variable)
    {
        if (storage.Values.TryGetValue("password.fetch", out var fetch) && fetch is JsonArray how && how.Count >= 2)
        {
            var words = how.Select(w => w?.ToString() ?? string.Empty).ToList();
            return words[0] switch
            {
                "command" => $"[storage {storage.Name}]: set {variable} to the password before tandem runs, e.g. export {variable}=\"$({string.Join(' ', words.Skip(1))})\".",
                "prompt" => $"[storage {storage.Name}]: vdirsyncer asked for the password; set {variable} to it before tandem runs.",
                var other => throw new VdirsyncerImportException($"[storage {storage.Name}] password.fetch \"{other}\": vdirsyncer knows \"command\" and \"prompt\"."),
            };
        }

        return storage.Has("password")
            ? $"[storage {storage.Name}]: the password is not copied into the set-up file; set {variable} to it before tandem runs."
            : $"[storage {storage.Name}]: set {variable} to the password before tandem runs.";
    }

    private string FolderPath(VdirsyncerSection storage)
    {
        var path = storage.RequiredString("path");
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
        {
            var home = getVariable("HOME") ?? throw new VdirsyncerImportException($"[storage {storage.Name}] path starts with ~ but HOME is not set.");
            path = Path.Combine(home, path.Length > 2 ? path[2..] : string.Empty);
        }

        // vdirsyncer reads a relative path from the folder it runs in; the set-up file gets it absolute, as the docs advise.
        return Path.TrimEndingDirectorySeparator(Path.GetFullPath(path, workingDirectory));
    }

    private static void RefuseUnknown(VdirsyncerSection section, HashSet<string> known)
    {
        if (section.Values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            throw new VdirsyncerImportException($"[{section.Header}] {unknown}: Tandem has no equivalent of this setting (it understands {string.Join(", ", known.Order(StringComparer.Ordinal))}).");
        }
    }

    private static bool IsInternal(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ||
        (IPAddress.TryParse(host.Trim('[', ']'), out var address) && Connectors.Http.NetworkPolicy.IsInternal(address));

    private static string Safe(string name) => new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);
}
