using System.CommandLine;
using System.CommandLine.Completions;
using Tandem.Cli.Commands;
using Tandem.Cli.Hosting;

namespace Tandem.Cli;

/// <summary>The <c>tandem</c> command, callable in-process (tests drive it with their own writers).</summary>
public static class CliApp
{
    /// <summary>Runs <c>tandem</c> with <paramref name="args"/>; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        RunAsync(args, new CliEnvironment(output, error), cancellationToken);

    internal static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var root = Build(environment);
        var parse = root.Parse(args);
        // A completion request ([suggest:N] "partial line") is answered even though the partial line does not parse.
        var suggest = root.Directives.OfType<SuggestDirective>().FirstOrDefault();
        if (parse.Errors.Count > 0 && (suggest is null || parse.GetResult(suggest) is null))
        {
            // One line, no help dump: the help is one "tandem --help" away.
            await environment.Error.WriteLineAsync($"tandem: {parse.Errors[0].Message} (see tandem --help)");
            return ExitCodes.BadInput;
        }

        var invocation = new InvocationConfiguration
        {
            Output = environment.Out,
            Error = environment.Error,
            EnableDefaultExceptionHandler = false,

            // The host (Program) owns Ctrl+C and passes it in as the cancellation token.
            ProcessTerminationTimeout = null,
        };
        return await parse.InvokeAsync(invocation, cancellationToken);
    }

    internal static RootCommand Build(CliEnvironment environment)
    {
        var global = new GlobalOptions();
        var root = new RootCommand("Tandem keeps the contacts of two apps in sync.");
        global.AddTo(root);
        root.Subcommands.Add(SetupCommand.Create(global, environment));
        root.Subcommands.Add(SyncCommand.Create(global, environment));
        root.Subcommands.Add(StatusCommand.Create(global, environment));
        root.Subcommands.Add(LogCommand.Create(global, environment));
        root.Subcommands.Add(DiscoverCommand.Create(global, environment));
        root.Subcommands.Add(ImportCommand.Create(environment));
        root.Subcommands.Add(BackupCommand.Create(global, environment));
        root.Subcommands.Add(RestoreCommand.Create(global, environment));
        root.Subcommands.Add(RotateKeyCommand.Create(global, environment));
        root.Subcommands.Add(DemoCommand.Create(environment));
        root.Subcommands.Add(SandboxCommand.Create(environment));
        root.Subcommands.Add(CompletionCommand.Create(environment));
        return root;
    }
}
