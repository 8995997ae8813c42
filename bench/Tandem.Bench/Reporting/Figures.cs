using System.Globalization;

namespace Tandem.Bench.Reporting;

/// <summary>How the bench writes numbers: invariant culture, units stated.</summary>
public static class Figures
{
    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString(elapsed.TotalSeconds < 10 ? "0.000 s" : "0.00 s", CultureInfo.InvariantCulture);

    public static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0 MB", CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string PerSecond(long contacts, TimeSpan elapsed) =>
        elapsed <= TimeSpan.Zero ? "-" : (contacts / elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture);

    public static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + "x";

    public static string Verdict(bool passed) => passed ? "PASS" : "MISS";
}
