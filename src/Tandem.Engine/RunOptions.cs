namespace Tandem.Engine;

/// <summary>How one run behaves.</summary>
public sealed record RunOptions
{
    /// <summary>Compute and report the plan; write nothing to the apps and keep no state.</summary>
    public bool DryRun { get; init; }

    /// <summary>Ignore saved cursors and list both sides completely (after a configuration change, on resume).</summary>
    public bool FullRescan { get; init; }

    /// <summary>A person confirmed the deletions that tripped the deletion guard: let them through once.</summary>
    public bool AcknowledgeDeletions { get; init; }

    /// <summary>Records planned and applied per page (bounds memory; one state transaction per page).</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>How many sample lines of the plan a report keeps.</summary>
    public int SampleSize { get; init; } = 20;
}
