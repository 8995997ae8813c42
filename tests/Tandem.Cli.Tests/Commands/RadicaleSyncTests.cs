using System.Text.Json;
using Tandem.Cli.Tests.Support;
using Tandem.Connectors.Testing.Servers;

namespace Tandem.Cli.Tests.Commands;

/// <summary>
/// The self-hoster's case of issue 20: a Radicale server on 127.0.0.1 and a vCard folder, joined by <c>tandem sync FILE</c>
/// with the set-up file's <c>allowInternalHosts</c>; a real CardDAV client (vdirsyncer, syncing the same book to its own
/// folder) edits on the other side. Every card exists once in each of the three places, with every edit.
/// </summary>
public sealed class RadicaleSyncTests : IAsyncLifetime
{
    private readonly CliFixture cli = new();
    private RadicaleProcess? radicale;
    private Uri? book;

    private string VdirFolder => Path.Combine(cli.Root, "vdirsyncer-contacts");

    public async ValueTask InitializeAsync()
    {
        ExternalTool.Require("vdirsyncer");
        radicale = await RadicaleProcess.StartAsync();
        book = await radicale.CreateBookAsync("contacts", "Contacts");
        Directory.CreateDirectory(VdirFolder);
    }

    public async ValueTask DisposeAsync()
    {
        if (radicale is not null)
        {
            await radicale.DisposeAsync();
        }

        cli.Dispose();
    }

    [Fact]
    public async Task Edits_from_a_real_CardDAV_client_and_from_the_folder_each_reach_the_other_side_with_nothing_duplicated()
    {
        var vdirsyncer = WriteVdirsyncerConfig();
        File.WriteAllText(Path.Combine(VdirFolder, "ada.vcf"), Card("ada", "Ada", "Byron", "ada@example.com", "+32 2 555 01 01"));
        await vdirsyncer.DiscoverAndSyncAsync();
        CliFixture.WriteCard(cli.FolderA, "bob", "Bob", "Stone", "bob@example.com");
        CliFixture.WriteCard(cli.FolderA, "cy", "Cy", "Young", "cy@example.com");
        cli.Variables["RADICALE_PASSWORD"] = RadicaleProcess.Password;

        var first = await cli.RunAsync("sync", WriteSetup());

        Assert.True(first.ExitCode == 0, first.Out + first.Error);
        Assert.Contains("connection 'home-folder': completed", first.Lines);
        await vdirsyncer.SyncAsync();
        string[] everyone = ["ada@example.com", "bob@example.com", "cy@example.com"];
        Assert.Equal(everyone, CliFixture.Emails(cli.FolderA));
        Assert.Equal(everyone, CliFixture.Emails(VdirFolder));

        // vdirsyncer's user edits Ada in their folder; vdirsyncer puts it on Radicale, Tandem brings it to the vCard folder.
        var adaFile = Path.Combine(VdirFolder, "ada.vcf");
        File.WriteAllText(adaFile, File.ReadAllText(adaFile).Replace("+32 2 555 01 01", "+32 2 555 09 09", StringComparison.Ordinal));
        await vdirsyncer.SyncAsync();
        var second = await cli.RunAsync("sync", cli.SetupPath);

        Assert.True(second.ExitCode == 0, second.Out + second.Error);
        Assert.Contains("+3225550909", Phones(cli.FolderA, "ada@example.com"));
        Assert.DoesNotContain("+3225550101", Phones(cli.FolderA, "ada@example.com"));

        // And an edit in the vCard folder reaches vdirsyncer's folder through Radicale.
        var bobFile = Directory.GetFiles(cli.FolderA, "*.vcf").Single(f => File.ReadAllText(f).Contains("bob@example.com", StringComparison.Ordinal));
        File.WriteAllText(bobFile, File.ReadAllText(bobFile).Replace("END:VCARD", "TEL;TYPE=cell:+32 470 12 34 56\r\nEND:VCARD", StringComparison.Ordinal));
        var third = await cli.RunAsync("sync", cli.SetupPath);
        await vdirsyncer.SyncAsync();

        Assert.True(third.ExitCode == 0, third.Out + third.Error);
        Assert.Contains("+32470123456", Phones(VdirFolder, "bob@example.com"));

        // Nothing duplicated, nothing lost: three cards in each place, and a further sync on both sides finds nothing to do.
        var quiet = await cli.RunAsync("sync", cli.SetupPath);
        await vdirsyncer.SyncAsync();
        Assert.Contains("  linked 0, conflicts 0, excluded 0, failed 0, write calls 0", quiet.Lines);
        Assert.Equal(everyone, CliFixture.Emails(cli.FolderA));
        Assert.Equal(everyone, CliFixture.Emails(VdirFolder));
        Assert.Equal(3, Directory.GetFiles(cli.FolderA, "*.vcf").Length);
        Assert.Equal(3, Directory.GetFiles(VdirFolder, "*.vcf").Length);
        Assert.Contains("+3225550909", Phones(VdirFolder, "ada@example.com"));
    }

    [Fact]
    public async Task Without_the_setting_the_server_on_127_0_0_1_is_refused_with_a_sentence_naming_both_ways_to_allow_it()
    {
        cli.Variables["RADICALE_PASSWORD"] = RadicaleProcess.Password;
        var setup = WriteSetup();
        File.WriteAllText(setup, File.ReadAllText(setup).Replace("\"allowInternalHosts\": [\"127.0.0.1\"],", string.Empty, StringComparison.Ordinal));

        var run = await cli.RunAsync("sync", setup);

        Assert.True(run.ExitCode == 1, run.Out + run.Error);
        Assert.Contains(
            "connection 'home-folder': failed. Tandem did not connect to '127.0.0.1' for the CardDAV server 127.0.0.1:" + radicale!.Port + ": it resolves to an internal network address, which this Tandem does not allow. Run tandem with --allow-internal-urls, or name the host in the set-up file's \"allowInternalHosts\", to allow it.",
            run.Lines);
    }

    private Vdirsyncer WriteVdirsyncerConfig() => Vdirsyncer.Write(Path.Combine(cli.Root, "vdirsyncer.conf"), $"""
        [general]
        status_path = "{Path.Combine(cli.Root, "vdirsyncer-status")}/"

        [pair my_contacts]
        a = "my_contacts_local"
        b = "my_contacts_remote"
        collections = null
        conflict_resolution = "b wins"

        [storage my_contacts_local]
        type = "filesystem"
        path = "{VdirFolder}/"
        fileext = ".vcf"

        [storage my_contacts_remote]
        type = "carddav"
        url = "{book}"
        username = "{RadicaleProcess.UserName}"
        password = "{RadicaleProcess.Password}"
        """);

    private string WriteSetup()
    {
        var json = $$"""
            {
              "allowInternalHosts": ["127.0.0.1"],
              "accounts": [
                { "name": "home", "app": "carddav", "settings": { "url": {{Quote(book!.AbsoluteUri)}}, "username": "{{RadicaleProcess.UserName}}", "addressBook": "contacts", "defaultRegion": "BE" }, "secrets": { "password": { "env": "RADICALE_PASSWORD" } } },
                { "name": "folder", "app": "vcard-folder", "settings": { "path": {{Quote(cli.FolderA)}}, "defaultRegion": "BE" } }
              ],
              "connections": [
                { "name": "home-folder", "accountA": "home", "accountB": "folder", "settings": { "direction": "TwoWay" } }
              ]
            }
            """;
        File.WriteAllText(cli.SetupPath, json);
        return cli.SetupPath;
    }

    private static string Card(string uid, string first, string last, string email, string phone) =>
        $"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:{uid}\r\nFN:{first} {last}\r\nN:{last};{first};;;\r\nEMAIL:{email}\r\nTEL;TYPE=cell:{phone}\r\nEND:VCARD\r\n";

    /// <summary>The phone numbers, digits and '+' only, of the one card in <paramref name="folder"/> holding <paramref name="email"/>.</summary>
    private static List<string> Phones(string folder, string email) =>
        Directory.GetFiles(folder, "*.vcf")
            .Select(File.ReadAllLines)
            .Single(lines => lines.Any(l => l.StartsWith("EMAIL", StringComparison.Ordinal) && l.EndsWith(email, StringComparison.Ordinal)))
            .Where(l => l.StartsWith("TEL", StringComparison.Ordinal))
            .Select(l => new string(l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Where(c => char.IsAsciiDigit(c) || c == '+').ToArray()))
            .ToList();

    private static string Quote(string text) => JsonSerializer.Serialize(text);
}
