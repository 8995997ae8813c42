using Tandem.Cli.Tests.Support;

namespace Tandem.Cli.Tests.Commands;

public sealed class SyncCommandTests : IDisposable
{
    private readonly CliFixture cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Two_vcard_folders_synced_two_way_end_up_holding_every_contact()
    {
        CliFixture.WriteCard(cli.FolderA, "ann", "Ann", "Lee", "ann@example.com");
        CliFixture.WriteCard(cli.FolderB, "bob", "Bob", "Stone", "bob@example.com");

        var run = await cli.RunAsync("sync", cli.WriteSetup());

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [
                "account 'personal': created",
                "account 'work': created",
                "connection 'personal-work': created",
                "connection 'personal-work': completed",
                "  A 'personal': read 1, created 1, updated 0, tagged 0, write calls 1",
                "  B 'work': read 1, created 1, updated 0, tagged 0, write calls 1",
                "  linked 2, conflicts 0, excluded 0, failed 0, write calls 2",
            ],
            run.Lines);
        Assert.Equal(["ann@example.com", "bob@example.com"], CliFixture.Emails(cli.FolderA));
        Assert.Equal(["ann@example.com", "bob@example.com"], CliFixture.Emails(cli.FolderB));
        Assert.Equal(2, Directory.GetFiles(cli.FolderA, "*.vcf").Length);
        Assert.Equal(2, Directory.GetFiles(cli.FolderB, "*.vcf").Length);
    }

    [Fact]
    public async Task A_card_with_a_photo_a_nickname_an_anniversary_and_an_X_property_arrives_with_all_of_them()
    {
        const string Photo = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
        File.WriteAllText(Path.Combine(cli.FolderA, "gigi.vcf"),
            "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:gigi\r\nFN:Gigi Rossi\r\nN:Rossi;Gigi;;;\r\nEMAIL:gigi@example.com\r\nNICKNAME:Gigi\r\n"
            + $"PHOTO;ENCODING=b;TYPE=PNG:{Photo}\r\nX-ANNIVERSARY:2010-06-12\r\nX-SHOE-SIZE:38\r\nEND:VCARD\r\n");

        var run = await cli.RunAsync("sync", cli.WriteSetup());

        Assert.Equal(0, run.ExitCode);
        var arrived = File.ReadAllText(Assert.Single(Directory.GetFiles(cli.FolderB, "*.vcf"))).Replace("\r\n ", string.Empty, StringComparison.Ordinal);
        Assert.Contains("NICKNAME:Gigi\r\n", arrived, StringComparison.Ordinal);
        Assert.Contains($"PHOTO:data:image/png;base64,{Photo}\r\n", arrived, StringComparison.Ordinal);
        Assert.Contains("ANNIVERSARY:20100612\r\n", arrived, StringComparison.Ordinal);
        Assert.Contains("X-SHOE-SIZE:38\r\n", arrived, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_person_with_two_emails_in_a_different_order_in_each_folder_stays_one_file_per_folder()
    {
        File.WriteAllText(Path.Combine(cli.FolderA, "ann.vcf"), "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:ann\r\nFN:Ann Lee\r\nN:Lee;Ann;;;\r\nEMAIL;TYPE=work:ann@work.example\r\nEMAIL;TYPE=home:ann@home.example\r\nEND:VCARD\r\n");
        File.WriteAllText(Path.Combine(cli.FolderB, "ann-lee.vcf"), "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:ann-lee\r\nFN:Ann Lee\r\nN:Lee;Ann;;;\r\nEMAIL;TYPE=home:Ann@Home.example\r\nEMAIL;TYPE=work:ann@work.example\r\nEND:VCARD\r\n");

        var run = await cli.RunAsync("sync", cli.WriteSetup("""{ "direction": "TwoWay", "options": { "avoidDuplicates": true } }"""));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [
                "  A 'personal': read 1, created 0, updated 0, tagged 0, write calls 0",
                "  B 'work': read 1, created 0, updated 0, tagged 0, write calls 0",
                "  linked 0, conflicts 0, excluded 0, failed 0, write calls 0",
            ],
            run.Lines.Skip(4));
        Assert.Equal(["ann.vcf"], Directory.GetFiles(cli.FolderA, "*.vcf").Select(Path.GetFileName));
        Assert.Equal(["ann-lee.vcf"], Directory.GetFiles(cli.FolderB, "*.vcf").Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_second_sync_changes_nothing()
    {
        CliFixture.WriteCard(cli.FolderA, "ann", "Ann", "Lee", "ann@example.com");
        CliFixture.WriteCard(cli.FolderB, "bob", "Bob", "Stone", "bob@example.com");
        await cli.RunAsync("sync", cli.WriteSetup());
        var a = CliFixture.Snapshot(cli.FolderA);
        var b = CliFixture.Snapshot(cli.FolderB);

        var again = await cli.RunAsync("sync", cli.SetupPath);

        Assert.Equal(0, again.ExitCode);
        Assert.Equal(
            [
                "account 'personal': unchanged",
                "account 'work': unchanged",
                "connection 'personal-work': unchanged",
                "connection 'personal-work': completed",
                "  A 'personal': read 0, created 0, updated 0, tagged 0, write calls 0",
                "  B 'work': read 0, created 0, updated 0, tagged 0, write calls 0",
                "  linked 0, conflicts 0, excluded 0, failed 0, write calls 0",
            ],
            again.Lines);
        Assert.Equal(a, CliFixture.Snapshot(cli.FolderA));
        Assert.Equal(b, CliFixture.Snapshot(cli.FolderB));
    }

    [Fact]
    public async Task A_dry_run_prints_the_plan_and_writes_nothing()
    {
        CliFixture.WriteCard(cli.FolderA, "ann", "Ann", "Lee", "ann@example.com");
        CliFixture.WriteCard(cli.FolderB, "bob", "Bob", "Stone", "bob@example.com");
        var a = CliFixture.Snapshot(cli.FolderA);
        var b = CliFixture.Snapshot(cli.FolderB);

        var run = await cli.RunAsync("sync", cli.WriteSetup(), "--dry-run");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [
                "connection 'personal-work': dry run, nothing written; completed",
                "  A 'personal': read 1, created 1, updated 0, tagged 0, write calls 0",
                "  B 'work': read 1, created 1, updated 0, tagged 0, write calls 0",
                "  linked 0, conflicts 0, excluded 0, failed 0, write calls 0",
                "  plan (sample):",
                "    Create “Ann Lee” in work from personal.",
                "    Create “Bob Stone” in personal from work.",
            ],
            run.Lines.Skip(3));
        Assert.Equal(a, CliFixture.Snapshot(cli.FolderA));
        Assert.Equal(b, CliFixture.Snapshot(cli.FolderB));

        var status = await cli.RunAsync("status");
        Assert.Equal(["personal-work: Scanning; last run never; in sync 0, excluded 0, failed 0"], status.Lines);
    }

    [Fact]
    public async Task A_tripped_deletion_guard_exits_1_and_needs_attention_until_the_deletions_are_confirmed()
    {
        foreach (var name in new[] { "ann", "bob", "cat" })
        {
            CliFixture.WriteCard(cli.FolderA, name, name, "Lee", $"{name}@example.com");
        }

        var setup = cli.WriteSetup("""{ "options": { "deletionGuardMinimum": 2 } }""");
        Assert.Equal(0, (await cli.RunAsync("sync", setup)).ExitCode);
        File.Delete(Path.Combine(cli.FolderA, "ann.vcf"));
        File.Delete(Path.Combine(cli.FolderA, "bob.vcf"));
        var folderB = CliFixture.Snapshot(cli.FolderB);

        var tripped = await cli.RunAsync("sync", setup);
        var statusAfterTrip = await cli.RunAsync("status");
        var confirmed = await cli.RunAsync("sync", setup, "--confirm-deletions");
        var statusAfterConfirm = await cli.RunAsync("status");

        var guardMessage = "personal now lists 2 fewer of its 3 contacts. Nothing was changed; the connection is paused until someone confirms these deletions.";
        Assert.Equal(1, tripped.ExitCode);
        Assert.Equal($"connection 'personal-work': stopped by the deletion guard. {guardMessage}", tripped.Lines[3]);
        Assert.Equal("  If these deletions are intended, run again with --confirm-deletions.", tripped.Lines[^1]);
        Assert.Equal(folderB, CliFixture.Snapshot(cli.FolderB));
        Assert.Equal(
            [
                "personal-work: Needs attention; last run 2026-11-23 09:00:00Z; in sync 3, excluded 0, failed 0",
                $"  {guardMessage}",
            ],
            statusAfterTrip.Lines);
        Assert.Equal(0, confirmed.ExitCode);
        Assert.Equal(["personal-work: Active; last run 2026-11-23 09:00:00Z; in sync 1, excluded 0, failed 0"], statusAfterConfirm.Lines);
        Assert.Equal(folderB, CliFixture.Snapshot(cli.FolderB));
    }

    [Fact]
    public async Task Dry_run_and_watch_together_are_refused_with_exit_code_2()
    {
        var run = await cli.RunAsync("sync", cli.WriteSetup(), "--dry-run", "--watch");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("tandem: --dry-run and --watch cannot be combined. (see tandem --help)" + Environment.NewLine, run.Error);
        Assert.False(File.Exists(cli.DatabasePath));
    }
}
