using Tandem.Engine.Planning;
using Tandem.Engine.State;

namespace Tandem.Engine.Applying;

/// <summary>
/// Keeps a run's activity log readable: every change is logged one by one up to a budget; past it (a
/// first sync creating tens of thousands of contacts), creates are logged as one summary line per page
/// and side. Updates, conflicts, deletions and failures are always logged one by one.
/// </summary>
public sealed class ActivityBudget
{
    /// <summary>Detailed create lines one run may log.</summary>
    public const int DetailedCreates = 1000;

    private readonly SyncContext context;
    private int created;

    public ActivityBudget(SyncContext context)
    {
        this.context = context;
    }

    public void Apply(PageCommit commit)
    {
        var creates = commit.Activity.Where(n => n.Kind == "created").ToList();
        if (creates.Count == 0)
        {
            return;
        }

        var room = Math.Max(0, DetailedCreates - created);
        created += creates.Count;
        if (creates.Count <= room)
        {
            return;
        }

        var summarised = creates.Skip(room).ToHashSet(ReferenceEqualityComparer.Instance);
        commit.Activity.RemoveAll(summarised.Contains);
        foreach (var side in summarised.Cast<ActivityNote>().GroupBy(n => n.Side))
        {
            var where = side.Key is { } target ? context.NameOf(target) : "the other app";
            commit.Activity.Add(new ActivityNote(side.Key, null, "created", $"Created {side.Count()} more contacts in {where}."));
        }
    }
}
