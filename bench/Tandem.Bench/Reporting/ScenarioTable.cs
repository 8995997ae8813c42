using Tandem.Bench.Measuring;

namespace Tandem.Bench.Reporting;

/// <summary>The one table every scenario prints: a row per measured step, with its goal and verdict.</summary>
public sealed class ScenarioTable
{
    private readonly TextTable table = new(
        "scenario", "size", "step", "wall", "contacts/s", "writes A", "writes B", "reads A", "reads B", "peak WS", "peak heap", "goal", "result");

    private readonly string scenario;

    public ScenarioTable(string scenario)
    {
        this.scenario = scenario;
    }

    public bool AllPassed { get; private set; } = true;

    /// <param name="size">What the size column shows (e.g. "100,000 + 100,000").</param>
    /// <param name="contacts">Contacts held by both sides when the step started, for contacts/s.</param>
    /// <param name="result">The measured step.</param>
    /// <param name="goal">The goal in words, or "-".</param>
    /// <param name="passed">Null when the step has no goal.</param>
    public void Add(string size, long contacts, StepResult result, string goal, bool? passed)
    {
        table.Add(
            scenario,
            size,
            result.Step,
            Figures.Seconds(result.Wall),
            Figures.PerSecond(contacts, result.Wall),
            Figures.Count(result.WriteCallsA),
            Figures.Count(result.WriteCallsB),
            Figures.Count(result.ReadCallsA),
            Figures.Count(result.ReadCallsB),
            Figures.Megabytes(result.PeakWorkingSetBytes),
            Figures.Megabytes(result.PeakManagedBytes),
            goal,
            Verdict(passed));
    }

    /// <summary>A row not backed by a <see cref="StepResult"/> (vdirsyncer, a ratio, a comparison).</summary>
    public void AddRaw(string size, string step, string wall, string contactsPerSecond, string goal, bool? passed, string peakWorkingSet = "-")
    {
        table.Add(scenario, size, step, wall, contactsPerSecond, "-", "-", "-", "-", peakWorkingSet, "-", goal, Verdict(passed));
    }

    public void Print(TextWriter? writer = null)
    {
        writer ??= Console.Out;
        writer.WriteLine();
        table.Print(writer);
        writer.WriteLine();
    }

    private string Verdict(bool? passed)
    {
        if (passed == false)
        {
            AllPassed = false;
        }

        return passed is { } p ? Figures.Verdict(p) : "-";
    }
}
