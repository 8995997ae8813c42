using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;
using Tandem.Domain.Contacts;
using Tandem.Engine.State;

namespace Tandem.Engine.Planning;

/// <summary>The writes and state changes planned for one <see cref="WorkItem"/>.</summary>
public sealed class ItemPlan
{
    public ItemPlan(WorkItem item, ContactRecord? a, ContactRecord? b)
    {
        Item = item;
        A = a;
        B = b;
    }

    public WorkItem Item { get; }

    /// <summary>Side A's current record (null when absent or deleted).</summary>
    public ContactRecord? A { get; }

    public ContactRecord? B { get; }

    public PlannedCreate? Create { get; set; }

    public UpdateOperation? UpdateA { get; set; }

    public UpdateOperation? UpdateB { get; set; }

    /// <summary>A record to delete (only for list-style targets with deletion turned on).</summary>
    public (Side Side, string RecordId)? Delete { get; set; }

    public LinkAction Link { get; set; }

    /// <summary>For <see cref="LinkAction.MarkDeleted"/>: the side whose record was deleted.</summary>
    public Side DeletedSide { get; set; }

    /// <summary>Rule and unsubscribe memory to store with the new baseline (rows are re-read after the writes).</summary>
    public Baseline Baseline { get; set; } = Baseline.Empty();

    public List<HealthNote> Health { get; } = [];

    public List<ActivityNote> Activity { get; } = [];

    /// <summary>Fields whose values differed and were settled by the winning app (both changed, or first match).</summary>
    public int Conflicts { get; set; }

    public ContactRecord? RecordOf(Side side) => side == Side.A ? A : B;

    public UpdateOperation? UpdateOf(Side side) => side == Side.A ? UpdateA : UpdateB;

    public void SetUpdate(Side side, UpdateOperation? update)
    {
        if (side == Side.A)
        {
            UpdateA = update;
        }
        else
        {
            UpdateB = update;
        }
    }
}
