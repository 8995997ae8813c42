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
}
