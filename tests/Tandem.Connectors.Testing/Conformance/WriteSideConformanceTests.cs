using System.Collections.Immutable;
using Tandem.Connectors.Contract;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Connectors.Testing.Conformance;

/// <summary>
/// The write side of the conformance suite, for write-only apps (<see cref="ChangeFeedKind.None"/>) that list nothing:
/// a create round-trips every field the app keeps, an update changes it, a delete removes it, retries after 429 and 5xx
/// keep one contact, and a create whose answer is lost is unknown and found again, never duplicated. The app is read
/// back only through <see cref="IContactConnector.GetAsync"/>.
/// </summary>
public abstract class WriteSideConformanceTests : IAsyncLifetime
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public abstract ValueTask InitializeAsync();

    public abstract ValueTask DisposeAsync();

    protected abstract IContactConnector Connect();

    protected abstract void RateLimitNext(int requests);

    protected abstract void FailNext(int requests);

    protected abstract void LoseNextWrite();

    /// <summary>How many contacts the app holds with this email (a user looking in the app).</summary>
    protected abstract int CountInApp(string email);

    [Fact]
    public async Task The_app_is_write_only_and_lists_nothing()
    {
        await using var connector = Connect();

        Assert.True(connector.Capabilities.IsWriteOnly);
        Assert.Throws<NotSupportedException>(() => connector.ListAllAsync(Ct));
    }

    [Fact]
    public async Task A_created_contact_round_trips_every_field_the_app_keeps()
    {
        await using var connector = Connect();
        var schema = await connector.GetSchemaAsync(Ct);
        var create = NewContact("ref-roundtrip", "round.trip@example.com");

        var result = Assert.Single(await connector.WriteAsync([create], Ct));
        Assert.True(result.Succeeded, result.Reason);
        var read = Assert.Single(await connector.GetAsync([result.Record!.Id], Ct));

        foreach (var (key, value) in create.Fields.Where(f => schema.Find(f.Key) is not null))
        {
            var expected = value is ListValue list && schema.Find(key) is { IsList: false } ? list.Primary.Canonical : value.Canonical;
            Assert.Equal(expected, read.Get(key)?.Canonical);
        }

        Assert.Equal(result.Record.Id, read.Id);
    }

    [Fact]
    public async Task An_update_changes_a_field_and_a_delete_removes_the_contact()
    {
        await using var connector = Connect();
        var created = Assert.Single(await connector.WriteAsync([NewContact("ref-update", "up.date@example.com")], Ct));
        Assert.True(created.Succeeded, created.Reason);
        var id = created.Record!.Id;

        var updated = Assert.Single(await connector.WriteAsync([new UpdateOperation("u1", id, null) { Changes = [new FieldChange(StandardFieldKeys.LastName, Values.Text("Updated"))] }], Ct));
        Assert.True(updated.Succeeded, updated.Reason);
        Assert.Equal("Updated", Assert.Single(await connector.GetAsync([id], Ct)).Get(StandardFieldKeys.LastName)?.Canonical);

        var deleted = Assert.Single(await connector.WriteAsync([new DeleteOperation("d1", id)], Ct));
        Assert.True(deleted.Succeeded, deleted.Reason);
        Assert.Empty(await connector.GetAsync([id], Ct));
        Assert.Equal(0, CountInApp("up.date@example.com"));
    }

    [Fact]
    public async Task Rate_limits_and_server_errors_are_retried_and_the_contact_is_added_once()
    {
        await using var connector = Connect();
        RateLimitNext(2);
        var first = Assert.Single(await connector.WriteAsync([NewContact("ref-429", "rate.limited@example.com")], Ct));
        FailNext(1);
        var read = await connector.GetAsync([first.Record!.Id], Ct);

        Assert.True(first.Succeeded, first.Reason);
        Assert.Single(read);
        Assert.Equal(1, CountInApp("rate.limited@example.com"));
    }

    [Fact]
    public async Task A_create_whose_answer_is_lost_is_unknown_and_found_again_not_duplicated()
    {
        await using var connector = Connect();

        // The schema first, as the engine reads it before any write: the lost answer is the create's.
        _ = await connector.GetSchemaAsync(Ct);
        LoseNextWrite();

        var result = Assert.Single(await connector.WriteAsync([NewContact("ref-lost", "lost@example.com")], Ct));
        var found = await FindEventuallyAsync(connector, result.PendingReference ?? "ref-lost", "lost@example.com");

        Assert.Equal(WriteFailureKind.Unknown, result.Failure);
        Assert.NotNull(found);
        Assert.Equal(1, CountInApp("lost@example.com"));
        Assert.Null(await connector.FindCreatedAsync("ref-never-sent", "never.sent@example.com", Ct));
    }

    /// <summary>Asks until the app has settled the create (an app that processes writes later says so meanwhile).</summary>
    protected virtual async Task<Domain.Contacts.ContactRecord?> FindEventuallyAsync(IContactConnector connector, string reference, string email)
    {
        ArgumentNullException.ThrowIfNull(connector);
        return await connector.FindCreatedAsync(reference, email, Ct);
    }

    protected static CreateOperation NewContact(string reference, string email) => new(
        "create-" + reference,
        reference,
        ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, FieldValue>
        {
            [StandardFieldKeys.FirstName] = Values.Text("Conny"),
            [StandardFieldKeys.LastName] = Values.Text("Formance"),
            [StandardFieldKeys.Emails] = new ListValue(FieldType.Email, [new LabelledValue("work", Values.Email(email))]),
            [StandardFieldKeys.Phones] = new ListValue(FieldType.Phone, [new LabelledValue("mobile", Values.Phone("+32 470 12 34 56"))]),
            [StandardFieldKeys.Birthday] = Values.Date(new PartialDate(1990, 2, 28)),
        }),
        ImmutableSortedSet<string>.Empty);
}
