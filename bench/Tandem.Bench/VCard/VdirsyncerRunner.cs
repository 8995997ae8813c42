using System.Diagnostics;

namespace Tandem.Bench.VCard;

/// <summary>
/// Runs <c>bench/run-vdirsyncer.sh</c> (copied beside the bench's binary) for one step and times the whole
/// process, Python start-up included: that is what a user waits for on every sync.
/// </summary>
public sealed class VdirsyncerRunner
{
    private readonly string script;
    private readonly string workDir;
    private readonly IReadOnlyList<string> arguments;
    private readonly IReadOnlyDictionary<string, string> environment;

    /// <summary>vdirsyncer between two vCard folders (<c>run-vdirsyncer.sh</c>).</summary>
    public VdirsyncerRunner(string workDir, string folderA, string folderB)
        : this("run-vdirsyncer.sh", workDir, [folderA, folderB], new Dictionary<string, string>())
    {
    }

    /// <param name="script">A script beside the bench's binary, called as <c>script work-dir arguments… step</c>.</param>
    /// <param name="workDir">Where the script keeps vdirsyncer's config, status and log.</param>
    /// <param name="arguments">The script's arguments between the work dir and the step.</param>
    /// <param name="environment">Extra environment (a password, kept off the command line).</param>
    public VdirsyncerRunner(string script, string workDir, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        this.script = script;
        this.workDir = workDir;
        this.arguments = arguments;
        this.environment = environment;
    }

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
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, script), workDir }.Concat(arguments).Append(step))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
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
