using Tandem.Connectors.Contract;
using Tandem.Sandbox;

namespace Tandem.Bench.ApiCalls;

/// <summary>
/// One app sandbox the <c>apicalls</c> scenario counts calls against: how to make it empty and unlimited, connect
/// to it, tell its API paths from its OAuth ones, and have its user change some contacts.
/// </summary>
/// <param name="Name">The app key.</param>
/// <param name="Create">A fresh, empty sandbox with no rate limit on a clock (calls are counted, not timed).</param>
/// <param name="Connect">A connector on the sandbox at a base URL, on the same clock.</param>
/// <param name="ApiWriteBatch">How many contacts one write call of the vendor's API can carry (1 without a batch endpoint).</param>
/// <param name="ApiPageSize">The largest page the vendor's listing gives.</param>
/// <param name="IsApiCall">Whether a path is a contact API call (not OAuth).</param>
/// <param name="IsSchemaCall">Whether an exchange reads the field schema (the engine asks for it every run).</param>
/// <param name="EditInApp">The app's user changes the job title of <c>count</c> contacts (not for a write-only app).</param>
/// <param name="IsRead">Exchanges that only read though they are not GET (Salesmate's searches, every Wooxy call is a POST); null when every non-GET writes.</param>
public sealed record ApiCallsApp(
    string Name,
    Func<TimeProvider, ISandboxApp> Create,
    Func<ISandboxApp, Uri, TimeProvider, IContactConnector> Connect,
    int ApiWriteBatch,
    int ApiPageSize,
    Func<string, bool> IsApiCall,
    Func<SandboxExchange, bool> IsSchemaCall,
    Action<ISandboxApp, int, string> EditInApp,
    Func<SandboxExchange, bool>? IsRead = null)
{
    /// <summary>
    /// A write-only app (no listing, no feed): measured as the target of a one-way connection from the in-memory app, where
    /// each write batch costs its request and the <c>request/find</c> that settles it, and a quiet poll costs nothing.
    /// </summary>
    public bool WriteOnly { get; init; }
}
