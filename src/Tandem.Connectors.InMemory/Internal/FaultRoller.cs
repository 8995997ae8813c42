namespace Tandem.Connectors.InMemory.Internal;

/// <summary>
/// Decides, under the app's lock, whether a fault fires: a pending "next N" counter first, then the
/// rate drawn from the app's seeded random source, so runs replay exactly.
/// </summary>
internal sealed class FaultRoller(InMemoryFaults faults, Random random)
{
    public InMemoryFaults Faults => faults;

    public bool ReadFails()
    {
        var pending = faults.FailNextReads;
        if (pending > 0)
        {
            faults.FailNextReads = pending - 1;
            return true;
        }

        return Roll(faults.ReadFailureRate);
    }

    public bool CursorExpires()
    {
        var pending = faults.ExpireNextCursors;
        if (pending > 0)
        {
            faults.ExpireNextCursors = pending - 1;
            return true;
        }

        return Roll(faults.CursorExpiryRate);
    }

    public bool WriteFails()
    {
        var pending = faults.FailNextWrites;
        if (pending > 0)
        {
            faults.FailNextWrites = pending - 1;
            return true;
        }

        return Roll(faults.WriteFailureRate);
    }

    public bool ResponseIsLost()
    {
        var pending = faults.LoseNextResponses;
        if (pending > 0)
        {
            faults.LoseNextResponses = pending - 1;
            return true;
        }

        return Roll(faults.LostResponseRate);
    }

    public bool EditSlipsIn()
    {
        var pending = faults.StaleNextUpdates;
        if (pending > 0)
        {
            faults.StaleNextUpdates = pending - 1;
            return true;
        }

        return Roll(faults.StaleVersionRate);
    }

    public bool VersionFlakes() => Roll(faults.FlakyVersionRate);

    /// <summary>The page count after which the listing now starting fails, consuming the switch.</summary>
    public int? TakeListingFailure()
    {
        var after = faults.FailNextListingAfterPages;
        faults.FailNextListingAfterPages = null;
        return after;
    }

    private bool Roll(double rate) => rate > 0 && random.NextDouble() < rate;
}
