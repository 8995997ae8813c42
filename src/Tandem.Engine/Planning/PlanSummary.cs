using Tandem.Domain.Configuration;
using Tandem.Engine.State;

namespace Tandem.Engine.Planning;

/// <summary>Counts a page of plans into a dry run's report, with a few sample lines, without writing anything.</summary>
public static class PlanSummary
{
    /// <summary>Adds the plans to the report; returns the state change that marks their records planned.</summary>
    public static PageCommit Record(IReadOnlyList<ItemPlan> plans, RunReport report, int sampleSize)
    {
        var commit = new PageCommit();
        foreach (var plan in plans)
        {
            if (plan.Create is { } create)
            {
                report.Of(create.Target).Created++;
                Sample(report, sampleSize, $"create in {Name(create.Target)} from {Name(create.Target.Other())} record {create.SourceId}");
            }

            foreach (var side in new[] { Side.A, Side.B })
            {
                if (plan.UpdateOf(side) is { } update)
                {
                    if (update.Changes.Count > 0)
                    {
                        report.Of(side).Updated++;
                    }
                    else
                    {
                        report.Of(side).Tagged++;
                    }

                    Sample(report, sampleSize, $"update {Name(side)} record {update.RecordId}: {string.Join(", ", update.Changes.Select(c => c.Key).Concat(update.AddTags.Select(t => "+tag " + t)).Concat(update.Unsubscribe ? ["unsubscribe"] : []).Concat(update.Subscribe ? ["subscribe"] : []))}");
                }
            }

            if (plan.Delete is { } delete)
            {
                report.Of(delete.Side).Deleted++;
                Sample(report, sampleSize, $"delete {Name(delete.Side)} record {delete.RecordId}");
            }

            report.Conflicts += plan.Conflicts;
            foreach (var note in plan.Health.Where(h => h.Status == HealthStatus.Excluded))
            {
                report.Excluded++;
                Sample(report, sampleSize, $"exclude {Name(note.Side)} record {note.RecordId}: {note.Reason}");
            }

            if (plan.Item.A is { } a)
            {
                commit.Clear(Side.A, a.Id);
            }

            if (plan.Item.B is { } b)
            {
                commit.Clear(Side.B, b.Id);
            }
        }

        return commit;
    }

    private static string Name(Side side) => side.ToString();

    private static void Sample(RunReport report, int sampleSize, string line)
    {
        if (report.Samples.Count < sampleSize)
        {
            report.Samples.Add(line);
        }
    }
}
