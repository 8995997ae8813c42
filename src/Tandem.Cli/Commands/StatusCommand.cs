using System.CommandLine;
using Tandem.Cli.Hosting;
using Tandem.Cli.Output;

namespace Tandem.Cli.Commands;

/// <summary><c>tandem status</c>: each connection with its state, reason, last run and health counts.</summary>
internal static class StatusCommand
{
    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var command = new Command("status", "Show each connection's state, last run and how many contacts are in sync, excluded or failed.");
        command.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(environment, async () =>
        {
            await using var session = await CliSession.OpenAsync(global, parse, environment, cancellationToken);
            var statuses = await session.Runtime.Status.ListAsync(cancellationToken);
            if (statuses.Count == 0)
            {
                await environment.Out.WriteLineAsync("No connections yet; add some with: tandem setup FILE");
            }

            foreach (var s in statuses)
            {
                var lastRun = s.LastRunAt is { } at ? Display.Time(at) : "never";
                await environment.Out.WriteLineAsync($"{s.Name}: {Display.State(s.State)}; last run {lastRun}; in sync {s.InSync}, excluded {s.Excluded}, failed {s.Failed}");
                if (s.Reason is { } reason)
                {
                    await environment.Out.WriteLineAsync($"  {reason}");
                }
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
