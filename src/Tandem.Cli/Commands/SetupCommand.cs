using System.CommandLine;
using Tandem.Cli.Hosting;
using Tandem.Cli.Output;

namespace Tandem.Cli.Commands;

/// <summary><c>tandem setup FILE</c>: applies a set-up file (accounts and connections), idempotently.</summary>
internal static class SetupCommand
{
    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var file = new Argument<string>("FILE") { Description = "The set-up file (JSON; see docs/setup-file.md)." };
        var command = new Command("setup", "Create or update accounts and connections from a set-up file.") { file };
        command.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(environment, async () =>
        {
            var (session, setup) = await CliSession.OpenForSetupAsync(global, parse, environment, parse.GetValue(file)!, cancellationToken);
            await using var opened = session;
            var runtime = session.Runtime;
            var result = await runtime.SetupApplier.ApplyAsync(setup, cancellationToken);
            await SetupPrinter.PrintAsync(environment.Out, result);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
