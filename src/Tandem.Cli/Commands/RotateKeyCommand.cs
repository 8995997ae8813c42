using System.CommandLine;
using Tandem.Cli.Hosting;
using Tandem.Storage;
using Tandem.Storage.Secrets;

namespace Tandem.Cli.Commands;

/// <summary><c>tandem rotate-key</c>: a new master key, every stored secret re-encrypted under it. Run with the server stopped.</summary>
internal static class RotateKeyCommand
{
    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var command = new Command("rotate-key", "Replace the master key file with a new key and re-encrypt every stored secret (stop the server first).");
        command.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(environment, async () =>
        {
            await using var database = await TandemDatabase.OpenAsync(global.DatabaseOptions(parse, environment), cancellationToken);
            await database.MigrateAsync(cancellationToken);
            var keyFile = Path.GetFullPath(parse.GetValue(global.KeyFile) ?? database.DefaultKeyFilePath);
            var count = await KeyFileRotation.RotateAsync(database, keyFile, environment.GetVariable, cancellationToken);
            await environment.Out.WriteLineAsync($"Re-encrypted the secrets of {count} account(s) with a new master key, now in {keyFile}. The old key no longer opens them: replace every other copy of the key file, and make a new backup.");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
