using Tandem.Bench.Measuring;
using Tandem.Bench.State;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.VCardFolder;

namespace Tandem.Bench.VCard;

/// <summary>
/// One run of the <c>vcard</c> scenario on fresh copies: Tandem's three syncs, then vdirsyncer's on its own
/// copy, with the same 100 cards edited in A before each tool's third sync.
/// </summary>
public sealed class VCardRun
{
    public const int Edits = 100;

    public const string FirstStep = "first sync";
    public const string QuietStep = "no-change sync";
    public const string EditedStep = "100 changed in A";

    private readonly VCardWorkspace workspace;
    private readonly ProgressLog progress;

    public VCardRun(VCardWorkspace workspace, ProgressLog progress)
    {
        this.workspace = workspace;
        this.progress = progress;
    }

    public List<StepResult> Tandem { get; } = [];

    /// <summary>vdirsyncer's wall time per step name; <c>discover</c> too.</summary>
    public Dictionary<string, TimeSpan> Vdirsyncer { get; } = new(StringComparer.Ordinal);

    public async Task RunTandemAsync(string marker, CancellationToken cancellationToken)
    {
        await using var database = await BenchDatabase.CreateAsync(VCardFolderConnectorFactory.App, VCardFolderConnectorFactory.App, cancellationToken);
        Tandem.Add(await SyncAsync(FirstStep, database, cancellationToken));
        Tandem.Add(await SyncAsync(QuietStep, database, cancellationToken));
        CardFolderGenerator.EditShared(workspace.TandemA, workspace.Size, Edits, marker);
        Tandem.Add(await SyncAsync(EditedStep, database, cancellationToken));
    }

    public async Task RunVdirsyncerAsync(string marker, CancellationToken cancellationToken)
    {
        var runner = new VdirsyncerRunner(workspace.VdirWork, workspace.VdirA, workspace.VdirB);
        Vdirsyncer["discover"] = await runner.RunAsync("discover", cancellationToken);
        foreach (var step in new[] { FirstStep, QuietStep, EditedStep })
        {
            if (step == EditedStep)
            {
                CardFolderGenerator.EditShared(workspace.VdirA, workspace.Size, Edits, marker);
            }

            progress.Say($"vdirsyncer {step}: started");
            Vdirsyncer[step] = await runner.RunAsync("sync", cancellationToken);
            progress.Say($"vdirsyncer {step}: {Vdirsyncer[step].TotalSeconds:0.00} s");
        }
    }

    private async Task<StepResult> SyncAsync(string step, BenchDatabase database, CancellationToken cancellationToken)
    {
        var factory = new VCardFolderConnectorFactory();
        await using var a = factory.Create(Settings(workspace.TandemA), ConnectorContext.Default);
        await using var b = factory.Create(Settings(workspace.TandemB), ConnectorContext.Default);
        return await SyncStep.RunAsync("Tandem " + step, database, a, b, progress, cancellationToken);
    }

    private static AccountSettings Settings(string folder) => new(new Dictionary<string, string> { ["path"] = folder });
}
