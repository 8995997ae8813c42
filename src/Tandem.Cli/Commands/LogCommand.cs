using System.CommandLine;
using Tandem.Cli.Hosting;
using Tandem.Cli.Output;

namespace Tandem.Cli.Commands;

/// <summary><c>tandem log [CONNECTION] [--limit N]</c>: the activity log, newest last.</summary>
internal static class LogCommand
{
    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var connectionName = new Argument<string?>("CONNECTION") { Description = "A connection's name (default: all connections).", Arity = ArgumentArity.ZeroOrOne };
        var limit = new Option<int>("--limit") { Description = "How many lines to show, the newest ones.", DefaultValueFactory = _ => 50 };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--limit must be at least 1.");
            }
        });
        var command = new Command("log", "Show what changed on which side, newest last.") { connectionName, limit };
        command.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(environment, async () =>
        {
            await using var session = await CliSession.OpenAsync(global, parse, environment, cancellationToken);
            var runtime = session.Runtime;
            string? connectionId = null;
            if (parse.GetValue(connectionName) is { } name)
            {
                var all = await runtime.Connections.ListAsync(cancellationToken);
                connectionId = all.FirstOrDefault(c => c.Name == name || c.Id == name)?.Id
                    ?? throw new CliUsageException($"No connection named '{name}'. Known: {(all.Count == 0 ? "none" : string.Join(", ", all.Select(c => $"'{c.Name}'")))}.");
            }

            var lines = await runtime.Activity.LastAsync(connectionId, parse.GetValue(limit), cancellationToken);
            if (lines.Count == 0)
            {
                await environment.Out.WriteLineAsync("No activity yet.");
            }

            foreach (var line in lines)
            {
                var side = line.Side?.ToString() ?? "-";
                await environment.Out.WriteLineAsync($"{Display.Time(line.At)}  {line.ConnectionName}  {side}  {line.Kind}  {line.Message}");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
