using System.Globalization;
using Tandem.Bench.Reporting;

namespace Tandem.Bench.Measuring;

/// <summary>Repeated runs of one step: the best (fastest) is judged, the spread shows the noise of a shared machine.</summary>
public sealed class StepRuns
{
    private readonly List<StepResult> runs = [];

    public StepRuns(string step)
    {
        Step = step;
    }

    public string Step { get; }

    public IReadOnlyList<StepResult> Runs => runs;

    public StepResult Best => runs.MinBy(r => r.Wall) ?? throw new InvalidOperationException($"No run of '{Step}' was recorded.");

    public void Add(StepResult result) => runs.Add(result);

    /// <summary>"runs 7.812 s, 8.204 s (spread 5.0%)".</summary>
    public string Noise()
    {
        var walls = runs.Select(r => r.Wall).ToList();
        var spread = walls.Count < 2 ? 0 : (walls.Max() - walls.Min()) / walls.Min();
        return $"runs {string.Join(", ", walls.Select(Figures.Seconds))} (spread {spread.ToString("0.0%", CultureInfo.InvariantCulture)})";
    }
}
