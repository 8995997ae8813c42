namespace Tandem.Connectors.InMemory.Tests;

public sealed class FindCreatedTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_lost_create_is_found_by_its_client_reference()
    {
        var app = new InMemoryApp();
        app.CreatePerson("Same", "Email", "shared@example.com");
        app.Faults.LoseNextResponses = 1;
        await using var connector = app.Connect();
        await Assert.ThrowsAsync<TimeoutException>(() => connector.WriteAsync([Ops.Create("shared@example.com", "ref-7")], Ct));

        var found = await connector.FindCreatedAsync("ref-7", "shared@example.com", Ct);

        Assert.Equal("ref-7", found!.ClientReference);
        Assert.Equal("c2", found.Id);
    }

    [Fact]
    public async Task Without_stored_client_references_a_lost_create_is_found_by_email()
    {
        var app = new InMemoryApp(new() { StoresClientReference = false });
        app.CreatePerson("Someone", "Else", "other@example.com");
        app.Faults.LoseNextResponses = 1;
        await using var connector = app.Connect();
        await Assert.ThrowsAsync<TimeoutException>(() => connector.WriteAsync([Ops.Create("New@Example.com", "ref-8")], Ct));

        var found = await connector.FindCreatedAsync("ref-8", " new@EXAMPLE.com ", Ct);

        Assert.Equal("c2", found!.Id);
        Assert.Null(found.ClientReference);
    }

    [Fact]
    public async Task A_create_that_never_happened_is_not_found()
    {
        var app = new InMemoryApp();
        app.CreatePerson("Ann", "Lee", "ann@example.com");
        await using var connector = app.Connect();

        var found = await connector.FindCreatedAsync("ref-9", "nobody@example.com", Ct);

        Assert.Null(found);
        Assert.Equal(1, app.Calls.FindCreatedCalls);
    }

    [Fact]
    public async Task An_email_changed_away_no_longer_finds_the_record()
    {
        var app = new InMemoryApp(new() { StoresClientReference = false });
        var id = app.CreatePerson("Ann", "Lee", "ann@example.com").Id;
        app.Set(id, "emails", SampleContacts.List(Domain.Fields.Values.Email("ann@elsewhere.com")));
        await using var connector = app.Connect();

        Assert.Null(await connector.FindCreatedAsync("ref", "ann@example.com", Ct));
        Assert.Equal(id, (await connector.FindCreatedAsync("ref", "ann@elsewhere.com", Ct))!.Id);
    }
}
