using System.Diagnostics;

namespace Tandem.Bench.Cli;

/// <summary>
/// Runs the <c>tandem</c> command as a user does, one whole process per command, against one database. The command is
/// <c>$TANDEM_CLI</c> when set (an installed or published <c>tandem</c>), else this checkout's Release build
/// (<c>dotnet build -c Release src/Tandem.Cli</c> first).
/// </summary>
public sealed class TandemCommand
{
    private readonly string executable;
    private readonly string database;

    public TandemCommand(string executable, string database)
    {
        this.executable = executable;
        this.database = database;
    }

    /// <summary>The <c>tandem</c> to run, or null (with the reason on standard error) when there is none.</summary>
    public static string? Locate()
    {
        if (Environment.GetEnvironmentVariable("TANDEM_CLI") is { Length: > 0 } given)
        {
            return File.Exists(given) ? given : Missing($"TANDEM_CLI names {given}, which does not exist.");
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Tandem.slnx")))
            {
                var built = Path.Combine(folder.FullName, "src", "Tandem.Cli", "bin", "Release", "net10.0", "tandem");
                return File.Exists(built) ? built : Missing($"{built} is not built; run: dotnet build -c Release src/Tandem.Cli");
            }
        }

        return Missing("the repository's Tandem.slnx is not above the bench; set TANDEM_CLI to a tandem command.");
    }

    /// <summary>Runs <c>tandem --database DB ARGS</c> and times it; a non-zero exit is an error with its standard error.</summary>
    public async Task<ProcessTime> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--database");
        start.ArgumentList.Add(database);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var cpuBefore = ChildCpu.Total();
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("tandem did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var elapsed = stopwatch.Elapsed;
        var cpu = ChildCpu.Total() - cpuBefore;
        await output;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tandem {string.Join(' ', arguments)} exited with code {process.ExitCode}: {(await errors).Trim()} {(await output).Trim()}");
        }

        return new ProcessTime(elapsed, cpu);
    }

    private static string? Missing(string why)
    {
        Console.Error.WriteLine("cli: " + why);
        return null;
    }
}
