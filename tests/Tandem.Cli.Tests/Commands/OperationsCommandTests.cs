using Tandem.Cli.Tests.Support;

namespace Tandem.Cli.Tests.Commands;

public sealed class OperationsCommandTests : IDisposable
{
    private readonly CliFixture cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task A_backup_restored_elsewhere_holds_the_connections_and_syncs_on_without_creating_anything_again()
    {
        CliFixture.WriteCard(cli.FolderA, "ann", "Ann", "Lee", "ann@example.com");
        Assert.Equal(0, (await cli.RunAsync("sync", cli.WriteSetup())).ExitCode);
        var backup = Path.Combine(cli.Root, "backup.zip");
        var restored = Path.Combine(cli.Root, "restored", "tandem.db");

        var made = await cli.RunAsync("backup", backup);
        var put = await cli.RunOnAsync(restored, "restore", backup);
        CliFixture.WriteCard(cli.FolderA, "bob", "Bob", "Stone", "bob@example.com");
        var next = await cli.RunOnAsync(restored, "sync", cli.SetupPath);

        Assert.Equal((0, $"Backed up tandem.db, tandem.key to {backup}."), (made.ExitCode, made.Out.TrimEnd()));
        Assert.Equal((0, "Restored tandem.db, tandem.key."), (put.ExitCode, put.Out.TrimEnd()));
        Assert.Equal(0, next.ExitCode);
        Assert.Contains("  A 'personal': read 1, created 0, updated 0, tagged 0, write calls 0", next.Lines);
        Assert.Contains("  B 'work': read 0, created 1, updated 0, tagged 0, write calls 1", next.Lines);
        Assert.Equal(["ann@example.com", "bob@example.com"], CliFixture.Emails(cli.FolderB));
    }

    [Fact]
    public async Task Restoring_over_an_existing_database_is_refused_in_one_line()
    {
        Assert.Equal(0, (await cli.RunAsync("sync", cli.WriteSetup())).ExitCode);
        var backup = Path.Combine(cli.Root, "backup.zip");
        Assert.Equal(0, (await cli.RunAsync("backup", backup)).ExitCode);

        var refused = await cli.RunAsync("restore", backup);

        Assert.Equal((1, $"tandem: '{cli.DatabasePath}' already exists; restore into a new folder, or move the current data aside first."), (refused.ExitCode, refused.Error.TrimEnd()));
    }

    [Fact]
    public async Task A_postgresql_database_is_sent_to_pg_dump()
    {
        var refused = await cli.RunOnAsync("Host=127.0.0.1;Database=tandem", "backup", Path.Combine(cli.Root, "backup.zip"));

        Assert.Equal((1, "tandem: Only a SQLite database is backed up by tandem backup; back up PostgreSQL with pg_dump (see docs/operations.md)."), (refused.ExitCode, refused.Error.TrimEnd()));
    }

    [Fact]
    public async Task Rotating_the_key_replaces_the_key_file_and_the_next_sync_still_runs()
    {
        Assert.Equal(0, (await cli.RunAsync("sync", cli.WriteSetup())).ExitCode);
        var keyFile = Path.Combine(cli.Root, "tandem.key");
        var before = File.ReadAllText(keyFile);

        var rotated = await cli.RunAsync("rotate-key");
        var next = await cli.RunAsync("sync", cli.SetupPath);

        Assert.Equal(
            (0, $"Re-encrypted the secrets of 2 account(s) with a new master key, now in {keyFile}. The old key no longer opens them: replace every other copy of the key file, and make a new backup."),
            (rotated.ExitCode, rotated.Out.TrimEnd()));
        Assert.NotEqual(before, File.ReadAllText(keyFile));
        Assert.Equal(0, next.ExitCode);
    }
}
