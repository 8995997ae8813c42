using System.CommandLine;
using Tandem.Cli.Hosting;
using Tandem.Runtime.Operations;

namespace Tandem.Cli.Commands;

/// <summary><c>tandem restore FILE</c>: puts a backup back as a new SQLite database with its key files beside it.</summary>
internal static class RestoreCommand
{
    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var file = new Argument<string>("FILE") { Description = "A backup made by tandem backup." };
        var command = new Command("restore", "Restore a backup as the database named by --database (it must not exist yet), key files beside it.") { file };
        command.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(environment, async () =>
        {
            var summary = await BackupArchive.RestoreAsync(parse.GetValue(file)!, global.DatabaseOptions(parse, environment), parse.GetValue(global.KeyFile), cancellationToken);
            await environment.Out.WriteLineAsync($"Restored {string.Join(", ", summary.Files)}.");
            if (!summary.MasterKeyIncluded)
            {
                await environment.Out.WriteLineAsync("The backup holds no master key: set TANDEM_MASTER_KEY or put the key file back before starting Tandem.");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
