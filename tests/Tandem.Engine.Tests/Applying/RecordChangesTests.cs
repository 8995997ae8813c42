using System.Collections.Immutable;
using Tandem.Connectors.Contract;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Engine.Applying;

namespace Tandem.Engine.Tests.Applying;

public sealed class RecordChangesTests
{
    private static readonly ContactRecord Never = new("b1", ImmutableDictionary<string, FieldValue>.Empty) { NeverSubscribed = true };

    [Fact]
    public void A_subscribe_clears_never_subscribed() =>
        Assert.False(RecordChanges.Apply(Never, new UpdateOperation("1", "b1", null) { Subscribe = true }).NeverSubscribed);

    [Fact]
    public void An_unsubscribe_leaves_the_contact_unsubscribed_rather_than_never_subscribed()
    {
        var after = RecordChanges.Apply(Never, new UpdateOperation("1", "b1", null) { Subscribe = true, Unsubscribe = true });

        Assert.True(after.IsUnsubscribed);
        Assert.False(after.NeverSubscribed);
    }

    [Fact]
    public void A_tag_update_keeps_never_subscribed() =>
        Assert.True(RecordChanges.Apply(Never, new UpdateOperation("1", "b1", null) { AddTags = ["x"] }).NeverSubscribed);
}
