using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;
using Tandem.Engine.Planning;
using Tandem.Engine.State;

namespace Tandem.Engine.Applying;

/// <summary>The writes a plan makes, and the journal intent of each.</summary>
public static class PendingWrites
{
    public static List<PendingWrite> For(ItemPlan plan, Func<string> newReference)
    {
        var writes = new List<PendingWrite>();
        if (plan.Create is { } create)
        {
            var operation = new CreateOperation(string.Empty, newReference(), create.Fields, create.Tags) { Unsubscribed = create.Unsubscribed, Subscribe = create.Subscribe };
            writes.Add(new PendingWrite(plan, create.Target, operation));
        }

        foreach (var side in new[] { Side.A, Side.B })
        {
            if (plan.UpdateOf(side) is { } update)
            {
                writes.Add(new PendingWrite(plan, side, update));
            }
        }

        if (plan.Delete is { } delete)
        {
            writes.Add(new PendingWrite(plan, delete.Side, new DeleteOperation(string.Empty, delete.RecordId)));
        }

        return writes;
    }

    public static JournalIntent Intent(PendingWrite write) => write.Operation switch
    {
        CreateOperation create => new JournalIntent(write.Side, "create", null, create.ClientReference, write.Plan.Create!.EmailKey, write.Plan.Create.SourceId),
        UpdateOperation update => new JournalIntent(write.Side, "update", update.RecordId, null, null, null),
        DeleteOperation delete => new JournalIntent(write.Side, "delete", delete.RecordId, null, null, null),
        _ => throw new InvalidOperationException("Unknown write operation."),
    };
}
