using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tandem.Sandbox.Kit.Faults;
using Tandem.Sandbox.Kit.Routing;

namespace Tandem.Sandbox.Salesmate;

/// <summary>
/// A stateful simulator of Salesmate's contacts API v4 (with companies, users and the contact fields), the
/// <c>accessToken</c> + <c>x-linkname</c> headers, the <c>{Status, Data, Error}</c> envelope with its HTTP-200 failures,
/// and fault switches. Built on the sandbox kit. See <c>README.md</c>.
/// </summary>
public sealed class SalesmateSandbox : ISandboxApp, IRoutedSandbox
{
    private readonly ContactStore store;
    private readonly FaultPipeline pipeline;
    private readonly SalesmateRoutes routes;
    private readonly SandboxPipeline standalone;

    /// <param name="options">Link name, keys, seed.</param>
    /// <param name="time">The sandbox's clock.</param>
    public SalesmateSandbox(SalesmateSandboxOptions? options = null, TimeProvider? time = null)
    {
        Options = options ?? new SalesmateSandboxOptions();
        var clock = time ?? TimeProvider.System;
        store = new ContactStore(clock, SalesmateDemoData.Users);
        pipeline = new FaultPipeline(Faults, SalesmateFaults.Describe(Options), clock);
        routes = new SalesmateRoutes(store);
        standalone = new SandboxPipeline(this);
        Seed(clock);
    }

    public string App => "salesmate";

    public SalesmateSandboxOptions Options { get; }

    public SandboxFaults Faults { get; } = new();

    /// <summary>Live contacts.</summary>
    public int ContactCount => store.Count;

    /// <summary>Requests received on the API paths.</summary>
    public int ApiCalls => pipeline.Calls;

    /// <summary>The id of the user contacts are owned by when nothing else is said (the account's first user).</summary>
    public static int DefaultOwnerId => SalesmateDemoData.Users[0].Id;

    /// <summary>The other demo user (for ownership tests).</summary>
    public static int OtherUserId => SalesmateDemoData.Users[1].Id;

    public Task HandleAsync(HttpContext context) => standalone.HandleAsync(context);

    void IRoutedSandbox.MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        FaultSwitchesEndpoint.Map(endpoints, Faults);
        routes.Map(endpoints, pipeline);
        endpoints.Map("{**path}", IResult () => SalesmateAnswers.Error(SalesmateApiException.RouteNotFound()));
    }

    /// <summary>Edits a contact as a Salesmate user would (for tests): the given fields change, like a v4 update.</summary>
    public void EditContact(int id, JsonObject changes) => store.Update(id, changes);

    /// <summary>Creates a contact as a Salesmate user would (for tests); returns its id.</summary>
    public int CreateContact(JsonObject contact) => store.Create(contact);

    /// <summary>Deletes a contact as a Salesmate user would (for tests).</summary>
    public void DeleteContact(int id) => store.Delete(id);

    /// <summary>A live contact as the API shows it, or null.</summary>
    public JsonObject? Contact(int id)
    {
        try
        {
            return store.Get(id);
        }
        catch (SalesmateApiException)
        {
            return null;
        }
    }

    /// <summary>Ids of the live contacts, lowest first.</summary>
    public IReadOnlyList<int> ContactIds() => store.Snapshot().Select(c => c["id"]!.GetValue<int>()).ToList();

    /// <summary>The id of a demo company by name, or a new company (as a user would add one).</summary>
    public int CompanyId(string name) => store.Companies().FirstOrDefault(c => c.Name == name) is { Name: not null } found ? found.Id : store.CreateCompany(name);

    private void Seed(TimeProvider time)
    {
        var companies = SalesmateDemoData.Companies.Select(store.CreateCompany).ToList();
        var start = time.GetUtcNow().AddDays(-1);
        var i = 0;
        foreach (var contact in SalesmateDemoData.Generate(Options.SeedContacts, Options.Seed, companies))
        {
            // Several contacts share each second, as in a real import: ties on lastModifiedAt are normal.
            _ = store.Create(contact, start.AddSeconds(i++ / 3));
        }

    }
}
