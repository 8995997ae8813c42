using Tandem.Domain.Configuration;
using Tandem.Engine.State;

namespace Tandem.Engine.Planning;

/// <summary>
/// Counts a page of plans into a dry run's report, with a few sample lines, without writing anything. The samples are
/// shown to the connection's owner: contacts by name, apps by name, fields by label (the owner's own data, never logged).
/// </summary>
public static class PlanSummary
{
    /// <summary>Adds the plans to the report; returns the state change that marks their records planned.</summary>
    public static PageCommit Record(IReadOnlyList<ItemPlan> plans, RunReport report, int sampleSize, SyncContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var commit = new PageCommit();
        foreach (var plan in plans)
        {
            if (plan.Create is { } create)
            {
                report.Of(create.Target).Created++;
                var source = create.Target.Other();
                Sample(report, sampleSize, $"Create {Label(plan, source, context)} in {context.NameOf(create.Target)} from {context.NameOf(source)}.");
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

                    var what = update.Changes.Select(c => FieldLabel(context.SchemaOf(side), c.Key))
                        .Concat(update.AddTags.Select(t => $"add the tag “{t}”"))
                        .Concat(update.Unsubscribe ? ["unsubscribe"] : [])
                        .Concat(update.Subscribe ? ["subscribe"] : []);
                    Sample(report, sampleSize, $"Update {Label(plan, side, context)} in {context.NameOf(side)}: {string.Join(", ", what)}.");
                }
            }

            if (plan.Delete is { } delete)
            {
                report.Of(delete.Side).Deleted++;
                Sample(report, sampleSize, $"Delete {Label(plan, delete.Side, context)} in {context.NameOf(delete.Side)}.");
            }

            report.Conflicts += plan.Conflicts;
            foreach (var note in plan.Health.Where(h => h.Status == HealthStatus.Excluded))
            {
                report.Excluded++;
                Sample(report, sampleSize, $"Leave out {Label(plan, note.Side, context)} of {context.NameOf(note.Side)}: {note.Reason}");
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

    // The contact as the user knows it: its record on this side, else its linked record on the other side.
    private static string Label(ItemPlan plan, Side side, SyncContext context) =>
        plan.RecordOf(side) is { } record ? $"“{ContactLabel.Of(record, context.SchemaOf(side))}”"
        : plan.RecordOf(side.Other()) is { } other ? $"“{ContactLabel.Of(other, context.SchemaOf(side.Other()))}”"
        : "a contact";

    private static string FieldLabel(Tandem.Domain.Fields.AppSchema schema, string key) =>
        key == Tandem.Domain.Configuration.FieldMapping.NameKey ? "Name" : schema.Find(key)?.Label ?? key;

    private static void Sample(RunReport report, int sampleSize, string line)
    {
        if (report.Samples.Count < sampleSize)
        {
            report.Samples.Add(line);
        }
    }
}
