using System.Text.Json;
using Tandem.Bench.Measuring;
using Tandem.Bench.VCard;

namespace Tandem.Bench.Cli;

/// <summary>
/// One run of the <c>cli</c> scenario on fresh copies of the <c>vcard</c> folders: <c>tandem sync FILE</c> three times
/// (first, no change, 100 edited in A), then <c>tandem status</c> and <c>tandem log</c>, each a whole process with its own
/// start-up; then vdirsyncer's three syncs on its own copy, with the same 100 cards edited.
/// </summary>
public sealed class CliRun
{
    public const string StatusStep = "tandem status";
    public const string LogStep = "tandem log";

    private readonly VCardWorkspace workspace;
    private readonly string executable;
    private readonly ProgressLog progress;

    public CliRun(VCardWorkspace workspace, string executable, ProgressLog progress)
    {
        this.workspace = workspace;
        this.executable = executable;
        this.progress = progress;
    }

    public static IReadOnlyList<string> SyncSteps { get; } = [VCardRun.FirstStep, VCardRun.QuietStep, VCardRun.EditedStep];

    public Dictionary<string, ProcessTime> Tandem { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ProcessTime> Vdirsyncer { get; } = new(StringComparer.Ordinal);

    public async Task RunTandemAsync(string marker, CancellationToken cancellationToken)
    {
        // A database of its own per run: the first sync must find no state from the run before.
        var folder = Path.Combine(workspace.Root, "tandem-cli");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var setup = Path.Combine(folder, "setup.json");
        await File.WriteAllTextAsync(setup, SetupFile(workspace.TandemA, workspace.TandemB), cancellationToken);
        var tandem = new TandemCommand(executable, Path.Combine(folder, "tandem.db"));
        foreach (var step in SyncSteps)
        {
            if (step == VCardRun.EditedStep)
            {
                CardFolderGenerator.EditShared(workspace.TandemA, workspace.Size, VCardRun.Edits, marker);
            }

            Tandem[step] = await TimedAsync("tandem " + step, () => tandem.RunAsync(["sync", setup], cancellationToken));
        }

        Tandem[StatusStep] = await TimedAsync(StatusStep, () => tandem.RunAsync(["status"], cancellationToken));
        Tandem[LogStep] = await TimedAsync(LogStep, () => tandem.RunAsync(["log"], cancellationToken));
    }

    public async Task RunVdirsyncerAsync(string marker, CancellationToken cancellationToken)
    {
        var runner = new VdirsyncerRunner(workspace.VdirWork, workspace.VdirA, workspace.VdirB);
        await runner.RunAsync("discover", cancellationToken);
        foreach (var step in SyncSteps)
        {
            if (step == VCardRun.EditedStep)
            {
                CardFolderGenerator.EditShared(workspace.VdirA, workspace.Size, VCardRun.Edits, marker);
            }

            Vdirsyncer[step] = await TimedAsync("vdirsyncer " + step, async () =>
            {
                var cpuBefore = ChildCpu.Total();
                var wall = await runner.RunAsync("sync", cancellationToken);
                return new ProcessTime(wall, ChildCpu.Total() - cpuBefore);
            });
        }
    }

    private async Task<ProcessTime> TimedAsync(string what, Func<Task<ProcessTime>> run)
    {
        progress.Say($"{what}: started");
        var time = await run();
        progress.Say($"{what}: {time.Wall.TotalSeconds:0.000} s (CPU {time.Cpu.TotalSeconds:0.000} s)");
        return time;
    }

    // The equivalent of run-vdirsyncer.sh's pair: two folders, two-way, A wins; `tandem import vdirsyncer` would write
    // the same accounts and connection.
    private static string SetupFile(string a, string b) => JsonSerializer.Serialize(new
    {
        accounts = new object[]
        {
            new { name = "bench-a", app = "vcard-folder", settings = new { path = a } },
            new { name = "bench-b", app = "vcard-folder", settings = new { path = b } },
        },
        connections = new object[]
        {
            new { name = "bench", accountA = "bench-a", accountB = "bench-b", settings = new { direction = "TwoWay", winningSide = "A" } },
        },
    });
}
