using System.Diagnostics;

namespace Tandem.Bench.Measuring;

/// <summary>
/// Runs this bench again in a fresh process (so one measurement's memory peak cannot leak into another's),
/// relaying its output and returning the lines that start with a given prefix.
/// </summary>
public static class ChildProcess
{
    public static async Task<IReadOnlyList<string>> RunSelfAsync(IReadOnlyList<string> arguments, string resultPrefix, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, UseShellExecute = false };
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The bench cannot find its own executable.");
        start.FileName = self;
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            // Started as `dotnet Tandem.Bench.dll`: start the child the same way.
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The child process did not start.");
        var results = new List<string>();
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith(resultPrefix, StringComparison.Ordinal))
            {
                results.Add(line[resultPrefix.Length..]);
            }
            else
            {
                Console.WriteLine(line);
            }
        }

        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The child process '{string.Join(' ', arguments)}' exited with code {process.ExitCode}.");
        }

        return results;
    }
}
