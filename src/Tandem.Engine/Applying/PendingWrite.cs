using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;
using Tandem.Engine.Planning;

namespace Tandem.Engine.Applying;

/// <summary>One write of a page, tied to the plan it belongs to, its journal entry and, once made, its result.</summary>
public sealed class PendingWrite
{
    public PendingWrite(ItemPlan plan, Side side, WriteOperation operation)
    {
        Plan = plan;
        Side = side;
        Operation = operation;
    }

    public ItemPlan Plan { get; }

    public Side Side { get; }

    public WriteOperation Operation { get; set; }

    public long JournalId { get; set; }

    public WriteResult? Result { get; set; }
}
