using Tandem.Connectors.Contract;
using Tandem.Connectors.Testing.Conformance;
using Tandem.Sandbox.Wooxy;

namespace Tandem.Connectors.Wooxy.Tests;

/// <summary>The Wooxy connector against the Wooxy sandbox over HTTP on 127.0.0.1: the write side of the conformance suite.</summary>
public sealed class WooxyConformanceTests : WriteSideConformanceTests
{
    private readonly WooxyFixture fixture = new();

    public override async ValueTask InitializeAsync() => await fixture.StartAsync(Ct);

    public override ValueTask DisposeAsync() => fixture.DisposeAsync();

    protected override IContactConnector Connect() => fixture.Connect();

    protected override void RateLimitNext(int requests) => fixture.Sandbox.Faults.RateLimitStorm(requests);

    protected override void FailNext(int requests) => fixture.Sandbox.Faults.ServerErrors(requests);

    protected override void LoseNextWrite() => fixture.Sandbox.Faults.LoseResponses(1);

    protected override int CountInApp(string email) => fixture.CountInList(WooxySandbox.DefaultListId, email);

    /// <summary>The add was accepted but its answer lost: Wooxy processes it a moment later, and the look-up by email finds it then.</summary>
    protected override async Task<Domain.Contacts.ContactRecord?> FindEventuallyAsync(IContactConnector connector, string reference, string email)
    {
        ArgumentNullException.ThrowIfNull(connector);
        while (fixture.Sandbox.PendingRequests > 0)
        {
            await Task.Yield();
        }

        return await connector.FindCreatedAsync(reference, email, Ct);
    }
}
