using System.Diagnostics;

namespace Tandem.Bench.VCard;

/// <summary>
/// Runs <c>bench/run-vdirsyncer.sh</c> (copied beside the bench's binary) for one step and times the whole
/// process, Python start-up included: that is what a user waits for on every sync.
/// </summary>
public sealed class VdirsyncerRunner
{
    private readonly string workDir;
    private readonly string folderA;
    private readonly string folderB;

    public VdirsyncerRunner(string workDir, string folderA, string folderB)
    {
        this.workDir = workDir;
        this.folderA = folderA;
        this.folderB = folderB;
    }

    public static string Script => Path.Combine(AppContext.BaseDirectory, "run-vdirsyncer.sh");

    public static bool IsInstalled()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(':').Any(dir => File.Exists(Path.Combine(dir, "vdirsyncer")));
    }

    public string LogPath => Path.Combine(workDir, "vdirsyncer.log");

    /// <summary>Runs a step (<c>discover</c> or <c>sync</c>) and returns its wall time.</summary>
    public async Task<TimeSpan> RunAsync(string step, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in new[] { Script, workDir, folderA, folderB, step })
        {
            start.ArgumentList.Add(argument);
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("vdirsyncer did not start.");
        var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var elapsed = stopwatch.Elapsed;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"vdirsyncer {step} exited with code {process.ExitCode}: {errors.Trim()} (see {LogPath}).");
        }

        return elapsed;
    }
}
