using Tandem.Connectors.Pipedrive.Internal;

namespace Tandem.Connectors.Pipedrive.Tests;

/// <summary>The tie-safe Pipedrive change cursor.</summary>
public sealed class FeedCursorTests
{
    [Fact]
    public void Ids_at_the_newest_second_are_kept_and_an_older_second_is_dropped()
    {
        var t0 = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var start = new FeedCursor(t0, t0, new HashSet<string>(StringComparer.Ordinal) { "1" });

        var next = start.Advance([("2", t0), ("3", t0.AddSeconds(1)), ("4", t0.AddSeconds(1))], t0.AddMinutes(1));
        var parsed = FeedCursor.Parse(next.ToString());

        Assert.Equal(t0.AddSeconds(1), parsed.UpdateTime);
        Assert.Equal(["3", "4"], parsed.IdsAtUpdateTime.Order());
        Assert.Equal(t0.AddMinutes(1), parsed.CheckedAt);
        Assert.Equal(["1", "2"], start.Advance([("2", t0)], t0).IdsAtUpdateTime.Order());
    }

    [Fact]
    public void A_second_read_whole_well_after_it_passed_is_closed_and_the_next_read_starts_after_it()
    {
        var t0 = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var busy = new HashSet<string>(Enumerable.Range(1, 10_000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), StringComparer.Ordinal);

        var soon = new FeedCursor(t0, t0.AddSeconds(2), busy).Settled();
        var later = new FeedCursor(t0, t0.AddSeconds(6), busy).Settled();

        Assert.Equal((t0, 10_000), (soon.UpdateTime, soon.IdsAtUpdateTime.Count));
        Assert.Equal((t0.AddSeconds(1), 0), (later.UpdateTime, later.IdsAtUpdateTime.Count));
    }
}
