using System.CommandLine;
using Tandem.Cli.Hosting;
using Tandem.Cli.Output;
using Tandem.Engine;
using Tandem.Runtime.Hosting;
using Tandem.Runtime.Running;
using Tandem.Runtime.Setup;

namespace Tandem.Cli.Commands;

/// <summary>
/// <c>tandem sync FILE</c>: applies the set-up file, then runs each of its connections once (or, with
/// <c>--watch</c>, again and again until Ctrl+C) and prints a summary per connection.
/// </summary>
internal static class SyncCommand
{
    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var file = new Argument<string>("FILE") { Description = "The set-up file (JSON; see docs/setup-file.md)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the plan (counts and samples); write nothing to the apps or the sync state." };
        var watch = new Option<bool>("--watch") { Description = "Keep syncing every --interval seconds until Ctrl+C." };
        var interval = new Option<int>("--interval") { Description = "Seconds between runs with --watch.", DefaultValueFactory = _ => 60 };
        var rescan = new Option<bool>("--rescan") { Description = "List both sides completely instead of reading only changes." };
        var confirm = new Option<bool>("--confirm-deletions") { Description = "Let the deletions that tripped the deletion guard through, once." };
        interval.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--interval must be at least 1 second.");
            }
        });
        var command = new Command("sync", "Apply a set-up file, then sync its connections.") { file, dryRun, watch, interval, rescan, confirm };
        command.Validators.Add(r =>
        {
            if (r.GetValue(dryRun) && r.GetValue(watch))
            {
                r.AddError("--dry-run and --watch cannot be combined.");
            }
        });
        command.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(environment, async () =>
        {
            var (session, setup) = await CliSession.OpenForSetupAsync(global, parse, environment, parse.GetValue(file)!, cancellationToken);
            await using var opened = session;
            var runtime = session.Runtime;
            var applied = await runtime.SetupApplier.ApplyAsync(setup, cancellationToken);
            await SetupPrinter.PrintAsync(environment.Out, applied);
            var options = new RunOptions
            {
                DryRun = parse.GetValue(dryRun),
                FullRescan = parse.GetValue(rescan),
                AcknowledgeDeletions = parse.GetValue(confirm),
            };
            var targets = setup.Connections.Zip(applied.Connections, (c, r) => new Target(r.Id, c)).ToList();
            return parse.GetValue(watch)
                ? await WatchAsync(runtime, targets, options, TimeSpan.FromSeconds(parse.GetValue(interval)), environment, cancellationToken)
                : await RunOnceAsync(runtime, targets, options, environment, cancellationToken);
        }));
        return command;
    }

    private static async Task<int> RunOnceAsync(TandemRuntime runtime, List<Target> targets, RunOptions options, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var exitCode = ExitCodes.Ok;
        foreach (var target in targets)
        {
            var result = await runtime.Runner.RunAsync(target.Id, options, cancellationToken);
            await RunPrinter.PrintAsync(environment.Out, result, target.Connection.AccountA, target.Connection.AccountB);
            if (result.Report is not null && !result.Succeeded)
            {
                exitCode = ExitCodes.RunFailed;
            }
        }

        return exitCode;
    }

    private static async Task<int> WatchAsync(TandemRuntime runtime, List<Target> targets, RunOptions options, TimeSpan interval, CliEnvironment environment, CancellationToken cancellationToken)
    {
        // Loops run side by side and print whole summaries; the gate keeps their lines from interleaving.
        using var printing = new SemaphoreSlim(1, 1);
        var loopOptions = new WatchLoopOptions { Interval = interval, MaxBackoff = TimeSpan.FromTicks(Math.Max(interval.Ticks, TimeSpan.FromMinutes(30).Ticks)) };
        var loops = targets.Select(target => new WatchLoop(runtime.Runner, target.Id, loopOptions, runtime.Time)
        {
            RunFinished = async (result, ct) =>
            {
                await printing.WaitAsync(CancellationToken.None);
                try
                {
                    await RunPrinter.PrintAsync(environment.Out, result, target.Connection.AccountA, target.Connection.AccountB);
                    await environment.Out.FlushAsync(CancellationToken.None);
                }
                finally
                {
                    printing.Release();
                }
            },
        }.RunAsync(options, cancellationToken));
        await Task.WhenAll(loops);
        await environment.Out.WriteLineAsync("Stopped watching.");
        return ExitCodes.Ok;
    }

    private sealed record Target(string Id, SetupConnection Connection);
}
