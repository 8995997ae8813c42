using Tandem.Bench.Measuring;
using Tandem.Bench.VCard;

namespace Tandem.Bench.CardDav;

/// <summary>One tool's pass through the steps on its own copy of the server: per step the wall time and requests, and the books at the end.</summary>
public sealed class ToolRun
{
    public const string FirstStep = "first sync";
    public const string QuietStep = "no-change sync";
    public const string EditedStep = "100 edited in A";
    public const string ConflictStep = "100 edited in A and B";
    public const string DeletedStep = "100 deleted in A";

    public static readonly string[] Steps = [FirstStep, QuietStep, EditedStep, ConflictStep, DeletedStep];

    public Dictionary<string, TimeSpan> Wall { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, RequestCounts> Requests { get; } = new(StringComparer.Ordinal);

    /// <summary>Tandem only: the engine's report and the time split of each step.</summary>
    public Dictionary<string, StepResult> Tandem { get; } = new(StringComparer.Ordinal);

    public List<NormalisedCard> EndA { get; } = [];

    public List<NormalisedCard> EndB { get; } = [];

    /// <summary>The user's changes that come before a step.</summary>
    public static Task BeforeAsync(string step, DavBookClient raw, CardDavWorkspace workspace, string marker, CancellationToken cancellationToken) => step switch
    {
        EditedStep => UserEdits.EditInAAsync(raw, workspace, marker, cancellationToken),
        ConflictStep => UserEdits.EditInBothAsync(raw, workspace, marker, cancellationToken),
        DeletedStep => UserEdits.DeleteInAAsync(raw, workspace, cancellationToken),
        _ => Task.CompletedTask,
    };

    public async Task ReadEndStateAsync(DavBookClient raw, DavFlavour flavour, CancellationToken cancellationToken)
    {
        EndA.AddRange((await raw.ReadAllAsync(flavour.BookPath(CardDavWorkspace.BookA), cancellationToken)).Select(NormalisedCard.Parse));
        EndB.AddRange((await raw.ReadAllAsync(flavour.BookPath(CardDavWorkspace.BookB), cancellationToken)).Select(NormalisedCard.Parse));
    }
}
