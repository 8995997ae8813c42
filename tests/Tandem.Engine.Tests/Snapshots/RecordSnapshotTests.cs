using System.Collections.Immutable;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Engine.Snapshots;

namespace Tandem.Engine.Tests.Snapshots;

public sealed class RecordSnapshotTests
{
    private static readonly ContactRecord Ann = new("a1", ImmutableDictionary<string, FieldValue>.Empty.Add("title", Values.Text("CEO")));

    [Fact]
    public void Never_subscribed_is_kept_and_is_content()
    {
        var never = Ann with { NeverSubscribed = true };

        var snapshot = RecordSnapshot.Serialize(never);

        Assert.True(RecordSnapshot.Deserialize("a1", null, snapshot).NeverSubscribed);
        Assert.NotEqual(RecordSnapshot.Hash(RecordSnapshot.Serialize(Ann)), RecordSnapshot.Hash(snapshot));
    }

    [Fact]
    public void A_snapshot_written_before_never_subscribed_existed_reads_as_subscribed() =>
        Assert.False(RecordSnapshot.Deserialize("a1", null, """{"f":{"title":["Text","CEO"]}}""").NeverSubscribed);

    [Fact]
    public void Snapshots_of_other_contacts_are_written_as_before_so_their_hashes_do_not_move() =>
        Assert.Equal("""{"f":{"title":["Text","CEO"]},"u":true}""", RecordSnapshot.Serialize(Ann with { IsUnsubscribed = true }));
}
