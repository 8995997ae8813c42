namespace Tandem.Web.Components.Data;

/// <summary>How far the scan is: contacts read from each side so far, and how many are settled (in sync, excluded or failed).</summary>
public sealed record ScanProgress(int SeenA, int SeenB, int Settled)
{
    /// <summary>Settled contacts as a share of the larger side, 0 to 1.</summary>
    public double Fraction => Math.Max(SeenA, SeenB) == 0 ? 0 : Math.Min(1, (double)Settled / Math.Max(SeenA, SeenB));
}
