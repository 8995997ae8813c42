using System.Globalization;
using Tandem.Bench.Measuring;

namespace Tandem.Bench.Reporting;

/// <summary>
/// Prints where a step's wall time went: each timed section (state methods, connector calls) with its
/// share, and the rest, which is the engine's own CPU work between calls (snapshots, hashing, planning, settling).
/// </summary>
public static class TimeSplit
{
    public static void Print(StepResult result, TextWriter? writer = null, int top = 12)
    {
        writer ??= Console.Out;
        var table = new TextTable("section", "calls", "time", "share");
        var timed = TimeSpan.Zero;
        foreach (var (name, elapsed, calls) in result.Sections)
        {
            timed += elapsed;
        }

        foreach (var (name, elapsed, calls) in result.Sections.Take(top))
        {
            table.Add(name, Figures.Count(calls), Figures.Seconds(elapsed), Share(elapsed, result.Wall));
        }

        var rest = result.Wall - timed;
        table.Add("engine between calls", "-", Figures.Seconds(rest), Share(rest, result.Wall));
        writer.WriteLine($"  where the time went in '{result.Step}' (wall {Figures.Seconds(result.Wall)}, CPU {Figures.Seconds(result.Cpu)}, gen0 GCs {result.GcCollections}):");
        foreach (var line in table.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            writer.WriteLine("    " + line);
        }
    }

    private static string Share(TimeSpan part, TimeSpan whole) =>
        whole <= TimeSpan.Zero ? "-" : (part / whole).ToString("0.0%", CultureInfo.InvariantCulture);
}
