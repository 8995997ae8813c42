using System.Data.Common;
using Microsoft.Extensions.Options;
using Tandem.Runtime.Setup;
using Tandem.Storage.Secrets;
using Tandem.Storage.Upgrades;

namespace Tandem.Cli.Hosting;

/// <summary>Turns what a command throws into one line on stderr and an exit code; never a stack trace.</summary>
internal static class CommandGuard
{
    public static async Task<int> RunAsync(CliEnvironment environment, Func<Task<int>> command)
    {
        try
        {
            return await command();
        }
        catch (Exception ex) when (ex is SetupFileException or CliUsageException or OptionsValidationException)
        {
            await environment.Error.WriteLineAsync($"tandem: {OneLine(ex.Message)}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            await environment.Error.WriteLineAsync("tandem: stopped.");
            return ExitCodes.RunFailed;
        }
        catch (Exception ex) when (ex is MasterKeyException or SecretDecryptionException or DatabaseTooNewException or NotSupportedException or DbException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // These messages are written to be shown: they name files and settings, never secrets.
            await environment.Error.WriteLineAsync($"tandem: {OneLine(ex.Message)}");
            return ExitCodes.RunFailed;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
