namespace Tandem.Engine;

/// <summary>What a run did (or, in a dry run, would do) to one side.</summary>
public sealed class SideCounts
{
    public int Read { get; set; }

    public int Created { get; set; }

    public int Updated { get; set; }

    public int Tagged { get; set; }

    public int Deleted { get; set; }

    /// <summary>Deletions detected on this side (tombstones, or records missing from a complete listing).</summary>
    public int DeletionsDetected { get; set; }

    /// <summary>Writes to this side's app that it refused.</summary>
    public int Failed { get; set; }

    /// <summary>Write calls made to this side's app (batches).</summary>
    public int WriteCalls { get; set; }
}
