using Tandem.Cli.Tests.Support;

namespace Tandem.Cli.Tests.Commands;

public sealed class StatusAndLogCommandTests : IDisposable
{
    private readonly CliFixture cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Status_shows_each_connection_with_its_state_last_run_and_counts()
    {
        CliFixture.WriteCard(cli.FolderA, "ann", "Ann", "Lee", "ann@example.com");
        CliFixture.WriteCard(cli.FolderA, "nomail", "No", "Mail", string.Empty);
        await cli.RunAsync("sync", cli.WriteSetup());

        var status = await cli.RunAsync("status");

        Assert.Equal(0, status.ExitCode);
        Assert.Equal(["personal-work: Active; last run 2026-11-23 09:00:00Z; in sync 1, excluded 1, failed 0"], status.Lines);
    }

    [Fact]
    public async Task Log_prints_the_activity_lines_newest_last()
    {
        CliFixture.WriteCard(cli.FolderA, "ann", "Ann", "Lee", "ann@example.com");
        await cli.RunAsync("sync", cli.WriteSetup());
        cli.Time.Advance(TimeSpan.FromMinutes(5));
        CliFixture.WriteCard(cli.FolderB, "bob", "Bob", "Stone", "bob@example.com");
        await cli.RunAsync("sync", cli.SetupPath);

        var log = await cli.RunAsync("log", "personal-work");
        var last = await cli.RunAsync("log", "--limit", "1");

        Assert.Equal(0, log.ExitCode);
        Assert.Equal(
            [
                "2026-11-23 09:00:00Z  personal-work  B  created  Created \"Ann Lee\" in work from personal.",
                "2026-11-23 09:05:00Z  personal-work  A  created  Created \"Bob Stone\" in personal from work.",
            ],
            log.Lines);
        Assert.Equal(["2026-11-23 09:05:00Z  personal-work  A  created  Created \"Bob Stone\" in personal from work."], last.Lines);
    }

    [Fact]
    public async Task Log_of_an_unknown_connection_exits_2_naming_it()
    {
        await cli.RunAsync("setup", cli.WriteSetup());

        var log = await cli.RunAsync("log", "nope");

        Assert.Equal(2, log.ExitCode);
        Assert.Equal("tandem: No connection named 'nope'. Known: 'personal-work'." + Environment.NewLine, log.Error);
    }
}
