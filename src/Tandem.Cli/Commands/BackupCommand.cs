using System.CommandLine;
using Tandem.Cli.Hosting;
using Tandem.Runtime.Operations;

namespace Tandem.Cli.Commands;

/// <summary><c>tandem backup FILE</c>: a consistent copy of the SQLite database and its key files, safe while the server runs.</summary>
internal static class BackupCommand
{
    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var file = new Argument<string>("FILE") { Description = "The backup file to create (a zip; it holds the master key: keep it safe)." };
        var command = new Command("backup", "Back up a SQLite database and its key files while Tandem keeps running.") { file };
        command.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(environment, async () =>
        {
            var summary = await BackupArchive.CreateAsync(
                global.DatabaseOptions(parse, environment), parse.GetValue(global.KeyFile), environment.GetVariable, parse.GetValue(file)!, cancellationToken);
            await environment.Out.WriteLineAsync($"Backed up {string.Join(", ", summary.Files)} to {parse.GetValue(file)}.");
            if (!summary.MasterKeyIncluded)
            {
                await environment.Out.WriteLineAsync("The master key is not in the backup (it comes from TANDEM_MASTER_KEY or no key file exists): keep it with the backup yourself.");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
