using System.Text.Json.Nodes;
using Tandem.Cli.Tests.Support;
using Tandem.Connectors.Testing.Servers;

namespace Tandem.Cli.Tests.Commands;

/// <summary>
/// <c>tandem discover carddav URL --username U</c> on a real Radicale: the address books with their URL, card count and
/// sync-token support, and a set-up file for the one picked that <c>tandem sync</c> then uses as printed.
/// </summary>
public sealed class DiscoverCommandTests : IAsyncLifetime
{
    private readonly CliFixture cli = new();
    private RadicaleProcess? radicale;

    public async ValueTask InitializeAsync() => radicale = await RadicaleProcess.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (radicale is not null)
        {
            await radicale.DisposeAsync();
        }

        cli.Dispose();
    }

    [Fact]
    public async Task The_address_books_are_listed_and_the_picked_ones_set_up_file_syncs_as_printed()
    {
        var contacts = await radicale!.CreateBookAsync("contacts", "Contacts");
        var work = await radicale.CreateBookAsync("work", "Work");
        await radicale.PutCardAsync(contacts, "ada.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:ada\r\nFN:Ada Byron\r\nN:Byron;Ada;;;\r\nEMAIL:ada@example.com\r\nEND:VCARD\r\n");
        await radicale.PutCardAsync(contacts, "bob.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:bob\r\nFN:Bob Stone\r\nN:Stone;Bob;;;\r\nEMAIL:bob@example.com\r\nEND:VCARD\r\n");
        cli.Variables["DAV_PASSWORD"] = RadicaleProcess.Password;
        var home = new Uri(radicale.BaseUrl, "/alice/").AbsoluteUri;

        var run = await cli.RunAsync("discover", "carddav", home, "--username", "alice", "--password-env", "DAV_PASSWORD", "--pick", "contacts");

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Equal(
            [
                "2 address books:",
                $"  contacts (Contacts): URL {contacts.AbsoluteUri}, cards 2, sync-token yes",
                $"  work (Work): URL {work.AbsoluteUri}, cards 0, sync-token yes",
                string.Empty,
                "Set-up file for 'contacts' (the password is read from $DAV_PASSWORD; add the other account and a connection, see docs/setup-file.md):",
            ],
            run.Lines.Take(5));
        Assert.DoesNotContain(RadicaleProcess.Password, run.Out, StringComparison.Ordinal);
        var file = JsonNode.Parse(string.Join('\n', run.Lines.Skip(5)))!.AsObject();
        Assert.Equal("""["127.0.0.1"]""", file["allowInternalHosts"]!.ToJsonString());
        Assert.Equal(
            """{"name":"contacts","app":"carddav","settings":{"url":""" + "\"" + home + "\"" + ""","username":"alice","addressBook":"contacts"},"secrets":{"password":{"env":"DAV_PASSWORD"}}}""",
            file["accounts"]![0]!.ToJsonString());

        file["accounts"]!.AsArray().Add(JsonNode.Parse($$"""{ "name": "folder", "app": "vcard-folder", "settings": { "path": {{System.Text.Json.JsonSerializer.Serialize(cli.FolderA)}} } }"""));
        file["connections"] = JsonNode.Parse("""[{ "name": "dav-folder", "accountA": "contacts", "accountB": "folder" }]""");
        File.WriteAllText(cli.SetupPath, file.ToJsonString());
        var sync = await cli.RunAsync("sync", cli.SetupPath);

        Assert.True(sync.ExitCode == 0, sync.Out + sync.Error);
        Assert.Equal(["ada@example.com", "bob@example.com"], CliFixture.Emails(cli.FolderA));
    }

    [Fact]
    public async Task Several_books_and_no_pick_lists_them_and_says_how_to_pick_one()
    {
        await radicale!.CreateBookAsync("contacts", "Contacts");
        await radicale.CreateBookAsync("work", "Work");
        cli.Variables["DAV_PASSWORD"] = RadicaleProcess.Password;

        var run = await cli.RunAsync("discover", "carddav", radicale.BaseUrl.AbsoluteUri, "--username", "alice", "--password-env", "DAV_PASSWORD");

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Equal("Pick one with --pick NAME to get its set-up file.", run.Lines[^1]);
    }

    [Fact]
    public async Task A_wrong_password_is_one_line_saying_the_server_refused_it()
    {
        await radicale!.CreateBookAsync("contacts", "Contacts");
        cli.Variables["DAV_PASSWORD"] = "not-the-password";

        var run = await cli.RunAsync("discover", "carddav", radicale.BaseUrl.AbsoluteUri, "--username", "alice", "--password-env", "DAV_PASSWORD");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("tandem: ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task Without_a_password_variable_and_nobody_at_the_terminal_it_says_which_option_to_use()
    {
        var run = await cli.RunAsync("discover", "carddav", radicale!.BaseUrl.AbsoluteUri, "--username", "alice");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("tandem: No password: set it in an environment variable and name it with --password-env VARIABLE." + Environment.NewLine, run.Error);
    }
}
