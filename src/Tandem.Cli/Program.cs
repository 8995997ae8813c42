using Tandem.Cli;

// Ctrl+C cancels the command (a watch loop stops cleanly between runs); a second Ctrl+C kills the process.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !stop.IsCancellationRequested;
    stop.Cancel();
};

return await CliApp.RunAsync(args, Console.Out, Console.Error, stop.Token);
