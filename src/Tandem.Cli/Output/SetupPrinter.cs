using Tandem.Runtime.Setup;

namespace Tandem.Cli.Output;

/// <summary>Prints what applying a set-up file did, one line per account and connection.</summary>
internal static class SetupPrinter
{
    public static async Task PrintAsync(TextWriter output, SetupApplyResult result)
    {
        foreach (var account in result.Accounts)
        {
            await output.WriteLineAsync($"account '{account.Name}': {Word(account.Change)}");
        }

        foreach (var connection in result.Connections)
        {
            await output.WriteLineAsync($"connection '{connection.Name}': {Word(connection.Change)}");
        }
    }

    private static string Word(SetupChange change) => change switch
    {
        SetupChange.Created => "created",
        SetupChange.Updated => "updated",
        _ => "unchanged",
    };
}
