using System.Text.Json.Nodes;
using Tandem.Cli.Tests.Support;
using Tandem.Connectors.Testing.Servers;

namespace Tandem.Cli.Tests.Commands;

/// <summary>
/// <c>tandem import vdirsyncer CONFIG</c> on configurations written the way vdirsyncer's documentation shows: the set-up
/// file it writes, and, run against a copy of the same data, the same end state as the real vdirsyncer reaches.
/// </summary>
public sealed class ImportCommandTests : IAsyncLifetime
{
    private readonly CliFixture cli = new();
    private RadicaleProcess? radicale;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (radicale is not null)
        {
            await radicale.DisposeAsync();
        }

        cli.Dispose();
    }

    [Fact]
    public async Task Two_folders_end_up_holding_the_same_cards_as_vdirsyncer_makes_them_hold()
    {
        var theirs = Seed("vdirsyncer");
        var ours = Seed("tandem");
        var vdirsyncer = Vdirsyncer.Write(Path.Combine(theirs, "config"), TwoFolders(theirs));
        await vdirsyncer.DiscoverAndSyncAsync();
        var config = Path.Combine(ours, "config");
        File.WriteAllText(config, TwoFolders(ours));

        var import = await cli.RunAsync("import", "vdirsyncer", config, "--output", cli.SetupPath);
        var sync = await cli.RunAsync("sync", cli.SetupPath);

        Assert.True(import.ExitCode == 0, import.Out + import.Error);
        Assert.True(sync.ExitCode == 0, sync.Out + sync.Error);
        Assert.Equal(4, Contacts(Path.Combine(theirs, "a")).Count);
        Assert.Equal(Contacts(Path.Combine(theirs, "a")), Contacts(Path.Combine(ours, "a")));
        Assert.Equal(Contacts(Path.Combine(theirs, "b")), Contacts(Path.Combine(ours, "b")));
        Assert.Equal(Contacts(Path.Combine(ours, "a")), Contacts(Path.Combine(ours, "b")));
    }

    [Fact]
    public async Task Two_folders_become_two_vcard_folder_accounts_and_a_two_way_connection_with_the_winning_side()
    {
        var ours = Seed("tandem");
        var config = Path.Combine(ours, "config");
        File.WriteAllText(config, TwoFolders(ours));

        var run = await cli.RunAsync("import", "vdirsyncer", config);

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        var file = JsonNode.Parse(run.Out)!;
        Assert.Equal(
            """{"accounts":[{"name":"contacts_a","app":"vcard-folder","settings":{"path":PATH_A}},{"name":"contacts_b","app":"vcard-folder","settings":{"path":PATH_B}}],"connections":[{"name":"contacts","accountA":"contacts_a","accountB":"contacts_b","settings":{"direction":"TwoWay","winningSide":"B","options":{"avoidDuplicates":false,"syncDeletions":true}}}]}"""
                .Replace("PATH_A", Quote(Path.Combine(ours, "a")), StringComparison.Ordinal)
                .Replace("PATH_B", Quote(Path.Combine(ours, "b")), StringComparison.Ordinal),
            file.ToJsonString());
    }

    [Fact]
    public async Task A_card_vdirsyncer_deletes_on_the_other_side_is_tagged_Tandem_Trash_there_as_the_import_says()
    {
        var theirs = Seed("vdirsyncer");
        var ours = Seed("tandem");
        var vdirsyncer = Vdirsyncer.Write(Path.Combine(theirs, "config"), TwoFolders(theirs));
        await vdirsyncer.DiscoverAndSyncAsync();
        var config = Path.Combine(ours, "config");
        File.WriteAllText(config, TwoFolders(ours));
        var import = await cli.RunAsync("import", "vdirsyncer", config, "--output", cli.SetupPath);
        Assert.True((await cli.RunAsync("sync", cli.SetupPath)).ExitCode == 0);

        File.Delete(Path.Combine(theirs, "a", "ann.vcf"));
        File.Delete(Path.Combine(ours, "a", "ann.vcf"));
        await vdirsyncer.SyncAsync();
        var sync = await cli.RunAsync("sync", cli.SetupPath);

        Assert.True(sync.ExitCode == 0, sync.Out + sync.Error);
        Assert.Contains("tandem: [pair contacts]: vdirsyncer deletes a card on the other side when it is deleted on one; Tandem never deletes one, it gives the other side's card the category \"Tandem Trash\" (the option syncDeletions), for you to delete.", import.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Contacts(Path.Combine(theirs, "b")), c => c.StartsWith("Ann Lee", StringComparison.Ordinal));
        var annInB = Assert.Single(Directory.GetFiles(Path.Combine(ours, "b"), "*.vcf"), f => File.ReadAllText(f).Contains("ann@example.com", StringComparison.Ordinal));
        Assert.Contains("Tandem Trash", File.ReadAllLines(annInB).Single(l => l.StartsWith("CATEGORIES", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(Contacts(Path.Combine(theirs, "b")), Contacts(Path.Combine(ours, "b")).Where(c => !c.StartsWith("Ann Lee", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("revert", "[pair contacts] partial_sync = \"revert\": Tandem does not revert changes made in [storage contacts_b]; a one-way connection from a leaves them until the card changes in the read_only storage. Set partial_sync = \"ignore\", which Tandem does, to import this pair.")]
    [InlineData("error", "[pair contacts] partial_sync = \"error\": Tandem does not stop when [storage contacts_b] is changed; a one-way connection from a leaves such changes until the card changes in the read_only storage. Set partial_sync = \"ignore\", which Tandem does, to import this pair.")]
    public async Task A_read_only_pair_asking_vdirsyncer_to_revert_or_stop_on_changes_is_refused_with_what_Tandem_does(string partialSync, string expected)
    {
        var ours = Seed("tandem");
        var config = Path.Combine(ours, "config");
        File.WriteAllText(config, ReadOnlyA(ours, $"partial_sync = \"{partialSync}\""));

        var run = await cli.RunAsync("import", "vdirsyncer", config, "--output", cli.SetupPath);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"tandem: {config}: {expected}" + Environment.NewLine, run.Error);
        Assert.False(File.Exists(cli.SetupPath));
    }

    [Fact]
    public async Task A_read_only_pair_ignoring_changes_becomes_a_one_way_connection_and_without_partial_sync_the_note_says_what_differs()
    {
        var ours = Seed("tandem");
        var config = Path.Combine(ours, "config");
        File.WriteAllText(config, ReadOnlyA(ours, "partial_sync = \"ignore\""));
        var ignoring = await cli.RunAsync("import", "vdirsyncer", config);
        File.WriteAllText(config, ReadOnlyA(ours, string.Empty));

        var unset = await cli.RunAsync("import", "vdirsyncer", config);

        Assert.True(ignoring.ExitCode == 0, ignoring.Error);
        Assert.Equal("AToB", JsonNode.Parse(ignoring.Out)!["connections"]![0]!["settings"]!["direction"]!.GetValue<string>());
        Assert.DoesNotContain("partial_sync", ignoring.Error, StringComparison.Ordinal);
        Assert.True(unset.ExitCode == 0, unset.Error);
        Assert.Equal(ignoring.Out, unset.Out);
        Assert.Contains("tandem: [pair contacts]: without partial_sync vdirsyncer reverts changes made in [storage contacts_b]; Tandem leaves them until the card changes in the read_only storage (partial_sync = \"ignore\"), and tags a card deleted there instead of restoring it.", unset.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Radicale_pair_syncs_the_folder_and_the_address_book_to_the_same_end_state_as_vdirsyncer()
    {
        radicale = await RadicaleProcess.StartAsync();
        var theirBook = await radicale.CreateBookAsync("theirs", "Theirs");
        var ourBook = await radicale.CreateBookAsync("ours", "Ours");
        await SeedBookAsync(theirBook);
        await SeedBookAsync(ourBook);
        var theirs = Seed("vdirsyncer");
        var ours = Seed("tandem");
        var vdirsyncer = Vdirsyncer.Write(Path.Combine(theirs, "config"), RadicalePair(theirs, theirBook));
        await vdirsyncer.DiscoverAndSyncAsync();
        var config = Path.Combine(ours, "config");
        File.WriteAllText(config, RadicalePair(ours, ourBook));

        var import = await cli.RunAsync("import", "vdirsyncer", config, "--output", cli.SetupPath);
        cli.Variables["CONTACTS_REMOTE_PASSWORD"] = RadicaleProcess.Password;
        var sync = await cli.RunAsync("sync", cli.SetupPath);

        Assert.True(import.ExitCode == 0, import.Out + import.Error);
        Assert.Contains("tandem: [storage contacts_remote]: set CONTACTS_REMOTE_PASSWORD to the password before tandem runs, e.g. export CONTACTS_REMOTE_PASSWORD=\"$(cat " + Path.Combine(ours, "password") + ")\".", import.Error, StringComparison.Ordinal);
        Assert.Contains("tandem: The CardDAV server is on this machine or its network: the file lists 127.0.0.1 under allowInternalHosts so Tandem may reach it.", import.Error, StringComparison.Ordinal);
        Assert.True(sync.ExitCode == 0, sync.Out + sync.Error);
        Assert.Equal(3, Contacts(Path.Combine(theirs, "a")).Count);
        Assert.Equal(Contacts(Path.Combine(theirs, "a")), Contacts(Path.Combine(ours, "a")));
        Assert.Equal(Contacts(radicale.BookFolder("theirs")), Contacts(radicale.BookFolder("ours")));
        Assert.Equal(Contacts(Path.Combine(ours, "a")), Contacts(radicale.BookFolder("ours")));
    }

    [Theory]
    [InlineData("type = \"caldav\"\nurl = \"https://dav.example.com/\"\nusername = \"u\"\npassword = \"p\"", "[storage contacts_b] type \"caldav\" has no equivalent in Tandem: it syncs contacts between vCard folders (filesystem) and CardDAV servers (carddav).")]
    [InlineData("type = \"filesystem\"\npath = \"cal/\"\nfileext = \".ics\"", "[storage contacts_b] fileext \".ics\": Tandem syncs contacts, one .vcf file per card; calendars and other files have no equivalent.")]
    [InlineData("type = \"filesystem\"\npath = \"b/\"\nfileext = \".vcf\"\npost_hook = \"git-commit\"", "[storage contacts_b] post_hook: Tandem has no equivalent of this setting (it understands encoding, fileext, fileignoreext, instance_name, path, read_only, type).")]
    [InlineData("type = \"carddav\"\nurl = \"https://dav.example.com/\"\nusername = \"u\"\npassword = \"p\"\nverify = false", "[storage contacts_b] verify: Tandem has no equivalent of this setting (it understands auth, instance_name, password, password.fetch, read_only, type, url, useragent, username).")]
    public async Task What_has_no_equivalent_is_refused_by_name_and_nothing_is_written(string storageB, string expected)
    {
        var ours = Seed("tandem");
        var config = Path.Combine(ours, "config");
        File.WriteAllText(config, TwoFolders(ours).Replace($"type = \"filesystem\"\npath = \"{ours}/b/\"\nfileext = \".vcf\"", storageB, StringComparison.Ordinal));

        var run = await cli.RunAsync("import", "vdirsyncer", config, "--output", cli.SetupPath);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"tandem: {config}: {expected}" + Environment.NewLine, run.Error);
        Assert.False(File.Exists(cli.SetupPath));
    }

    [Fact]
    public async Task A_conflict_resolved_by_a_command_is_refused_with_what_Tandem_does_instead()
    {
        var ours = Seed("tandem");
        var config = Path.Combine(ours, "config");
        File.WriteAllText(config, TwoFolders(ours).Replace("conflict_resolution = \"b wins\"", "conflict_resolution = [\"command\", \"vimdiff\"]", StringComparison.Ordinal));

        var run = await cli.RunAsync("import", "vdirsyncer", config);

        Assert.Equal(2, run.ExitCode);
        Assert.EndsWith("[pair contacts] conflict_resolution [\"command\",\"vimdiff\"]: Tandem has no equivalent of resolving conflicts with a command; it merges field by field and lets one side win. Use \"a wins\" or \"b wins\"." + Environment.NewLine, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collections_from_a_CardDAV_server_are_refused_with_the_command_that_lists_them()
    {
        var ours = Seed("tandem");
        var config = Path.Combine(ours, "config");
        cli.Variables["HOME"] = ours;
        File.WriteAllText(config, """
            [general]
            status_path = "~/.vdirsyncer/status/"

            [pair my_contacts]
            a = "my_contacts_local"
            b = "my_contacts_remote"
            collections = ["from a", "from b"]

            [storage my_contacts_local]
            type = "filesystem"
            path = "~/.contacts/"
            fileext = ".vcf"

            [storage my_contacts_remote]
            type = "carddav"
            url = "https://owncloud.example.com/remote.php/carddav/"
            username = "bob"
            password = "asdf"
            """);

        var run = await cli.RunAsync("import", "vdirsyncer", config);

        Assert.Equal(2, run.ExitCode);
        Assert.EndsWith("[pair my_contacts] collections \"from …\" on the CardDAV storage [storage my_contacts_remote]: Tandem's set-up file names each address book. List them with `tandem discover carddav URL --username USER` and write their names in collections." + Environment.NewLine, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Named_collections_become_one_connection_each_with_the_address_book_named()
    {
        var ours = Seed("tandem");
        var config = Path.Combine(ours, "config");
        cli.Variables["HOME"] = ours;
        File.WriteAllText(config, """
            [pair my_contacts]
            a = "my_contacts_local"
            b = "my_contacts_remote"
            collections = ["family", ["work", "work", "office"]]
            conflict_resolution = "a wins"

            [storage my_contacts_local]
            type = "filesystem"
            path = "~/contacts/"
            fileext = ".vcf"

            [storage my_contacts_remote]
            type = "carddav"
            url = "https://dav.example.com/bob/"
            username = "bob"
            password.fetch = ["command", "pass", "dav"]
            """);

        var run = await cli.RunAsync("import", "vdirsyncer", config);

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        var file = JsonNode.Parse(run.Out)!;
        Assert.Equal(
            ["my_contacts_local-family", "my_contacts_remote-family", "my_contacts_local-work", "my_contacts_remote-office"],
            file["accounts"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()));
        Assert.Equal(Path.Combine(ours, "contacts", "family"), file["accounts"]![0]!["settings"]!["path"]!.GetValue<string>());
        Assert.Equal("""{"url":"https://dav.example.com/bob/","username":"bob","addressBook":"office"}""", file["accounts"]![3]!["settings"]!.ToJsonString());
        Assert.Equal("""{"password":{"env":"MY_CONTACTS_REMOTE_PASSWORD"}}""", file["accounts"]![3]!["secrets"]!.ToJsonString());
        Assert.Equal(["my_contacts-family", "my_contacts-work"], file["connections"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.Contains("tandem: [storage my_contacts_remote]: set MY_CONTACTS_REMOTE_PASSWORD to the password before tandem runs, e.g. export MY_CONTACTS_REMOTE_PASSWORD=\"$(pass dav)\".", run.Error, StringComparison.Ordinal);
    }

    /// <summary>Two vdirsyncer folders, a and b, with overlapping people; one has no email (vdirsyncer copies it anyway).</summary>
    private string Seed(string name)
    {
        var root = Directory.CreateDirectory(Path.Combine(cli.Root, name)).FullName;
        var a = Directory.CreateDirectory(Path.Combine(root, "a")).FullName;
        var b = Directory.CreateDirectory(Path.Combine(root, "b")).FullName;
        File.WriteAllText(Path.Combine(root, "password"), RadicaleProcess.Password);
        File.WriteAllText(Path.Combine(a, "ann.vcf"), Card("ann", "Ann", "Lee", "ann@example.com", "+3225550101"));
        File.WriteAllText(Path.Combine(a, "bob.vcf"), Card("bob", "Bob", "Stone", "bob@example.com", null));
        File.WriteAllText(Path.Combine(b, "cy.vcf"), Card("cy", "Cy", "Young", "cy@example.com", "+32470123456"));
        File.WriteAllText(Path.Combine(b, "dee.vcf"), Card("dee", "Dee", "Noemail", null, "+3225550202"));
        return root;
    }

    /// <summary>One card only the address book holds, with two emails.</summary>
    private Task SeedBookAsync(Uri book) =>
        radicale!.PutCardAsync(book, "eve.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:eve\r\nFN:Eve Adams\r\nN:Adams;Eve;;;\r\nEMAIL:eve@example.com\r\nEMAIL:eve@home.example\r\nEND:VCARD\r\n");

    private static string TwoFolders(string root) => $"""
        [general]
        status_path = "{root}/status/"

        [pair contacts]
        a = "contacts_a"
        b = "contacts_b"
        collections = null
        conflict_resolution = "b wins"

        [storage contacts_a]
        type = "filesystem"
        path = "{root}/a/"
        fileext = ".vcf"

        [storage contacts_b]
        type = "filesystem"
        path = "{root}/b/"
        fileext = ".vcf"
        """;

    /// <summary>The two folders with a read_only, and <paramref name="partialSync"/> in the pair (a line, or nothing).</summary>
    private static string ReadOnlyA(string root, string partialSync) =>
        TwoFolders(root)
            .Replace("conflict_resolution = \"b wins\"", "conflict_resolution = \"a wins\"\n" + partialSync, StringComparison.Ordinal)
            .Replace($"path = \"{root}/a/\"", $"path = \"{root}/a/\"\nread_only = true", StringComparison.Ordinal);

    private static string RadicalePair(string root, Uri book) => $"""
        [general]
        status_path = "{root}/status/"

        [pair contacts]
        a = "contacts_local"
        b = "contacts_remote"
        collections = null
        conflict_resolution = "a wins"

        [storage contacts_local]
        type = "filesystem"
        path = "{root}/a/"
        fileext = ".vcf"

        [storage contacts_remote]
        type = "carddav"
        url = "{book}"
        username = "{RadicaleProcess.UserName}"
        password.fetch = ["command", "cat", "{root}/password"]
        """;

    private static string Card(string uid, string first, string last, string? email, string? phone) =>
        $"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:{uid}\r\nFN:{first} {last}\r\nN:{last};{first};;;\r\n" +
        (email is null ? string.Empty : $"EMAIL:{email}\r\n") +
        (phone is null ? string.Empty : $"TEL;TYPE=cell:{phone}\r\n") +
        "END:VCARD\r\n";

    /// <summary>Each card of a folder as "name | emails | phones" (digits), sorted: the data, whatever the file names and formatting.</summary>
    private static List<string> Contacts(string folder) =>
        Directory.GetFiles(folder, "*.vcf")
            .Select(f => File.ReadAllLines(f))
            .Select(lines => string.Join(" | ", Values(lines, "FN"), Values(lines, "EMAIL").ToLowerInvariant(), new string([.. Values(lines, "TEL").Where(c => char.IsAsciiDigit(c) || c is '+' or ',')])))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Values(string[] lines, string property) =>
        string.Join(",", lines
            .Where(l => l.StartsWith(property + ":", StringComparison.Ordinal) || l.StartsWith(property + ";", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..])
            .Order(StringComparer.Ordinal));

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
