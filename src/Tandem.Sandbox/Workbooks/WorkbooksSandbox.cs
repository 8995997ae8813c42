using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tandem.Sandbox.Kit.Faults;
using Tandem.Sandbox.Kit.Routing;

namespace Tandem.Sandbox.Workbooks;

/// <summary>
/// A stateful simulator of the Workbooks API for people (<c>crm/people.api</c>, <c>crm/organisations.api</c>, <c>metadata/types.api</c>,
/// <c>picklist_entries.api</c>, <c>login.api</c>): API key or session auth, form-encoded parameters, <c>_method</c>
/// tunnelling, filters, square-array writes with per-object results and optimistic locking, soft deletes, throttling by
/// redirect, and the kit's fault switches. See <c>README.md</c>.
/// </summary>
public sealed class WorkbooksSandbox : ISandboxApp, IRoutedSandbox
{
    private readonly PeopleStore store;
    private readonly OrganisationStore organisations = new();
    private readonly OrganisationsApi organisationsApi;
    private readonly CustomFieldsApi customFields;
    private readonly PersonFieldCatalog catalog = new();
    private readonly PeopleListing listing;
    private readonly PeopleWrites writes;
    private readonly WorkbooksSessions sessions;
    private readonly FaultPipeline pipeline;
    private readonly SandboxPipeline standalone;

    public WorkbooksSandbox(WorkbooksSandboxOptions? options = null, TimeProvider? time = null)
    {
        Options = options ?? new WorkbooksSandboxOptions();
        var clock = time ?? TimeProvider.System;
        store = new PeopleStore(clock, Options.DeletedRetention);
        listing = new PeopleListing(store, catalog);
        writes = new PeopleWrites(store, catalog, Faults, organisations);
        organisationsApi = new OrganisationsApi(store, organisations);
        customFields = new CustomFieldsApi(catalog);
        sessions = new WorkbooksSessions(Options);
        pipeline = new FaultPipeline(Faults, WorkbooksFaults.Describe(IsAuthorized), clock);
        standalone = new SandboxPipeline(this);
        Seed(clock);
    }

    public string App => "workbooks";

    public WorkbooksSandboxOptions Options { get; }

    public SandboxFaults Faults { get; } = new();

    /// <summary>People that are not deleted.</summary>
    public int PersonCount => store.LiveCount;

    /// <summary>Requests received on the API paths (login excluded).</summary>
    public int ApiCalls => pipeline.Calls;

    /// <summary>Successful logins at <c>/login.api</c>.</summary>
    public int Logins => sessions.Logins;

    public Task HandleAsync(HttpContext context) => standalone.HandleAsync(context);

    void IRoutedSandbox.MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        FaultSwitchesEndpoint.Map(endpoints, Faults);
        var parameters = new ParametersFilter();
        var login = endpoints.MapGroup(string.Empty);
        login.AddEndpointFilter(parameters);
        login.MapPost("/login.api", (HttpContext c) => Guarded(() => sessions.Login(c, ParametersFilter.Of(c))));
        login.Map("/logout.api", (HttpContext c) => sessions.Logout(c));

        var api = endpoints.MapGroup(string.Empty);
        api.AddEndpointFilter(parameters);
        api.AddEndpointFilter(pipeline);
        api.Map("/crm/people.api", (HttpContext c) => People(c, ParametersFilter.Of(c)));
        api.Map("/crm/organisations.api", (HttpContext c) => WorkbooksAnswers.Json(organisationsApi.Answer(Checked(c, ParametersFilter.Of(c)))));
        api.Map("/admin/custom_fields.api", (HttpContext c) => WorkbooksAnswers.Json(customFields.Answer(Checked(c, ParametersFilter.Of(c)))));
        api.Map("/metadata/types.api", (HttpContext c) => Types(ParametersFilter.Of(c)));
        api.Map("/picklist_entries.api", (HttpContext c) => PicklistEntries(ParametersFilter.Of(c)));
        api.Map("{**rest}", IResult () => throw WorkbooksApiException.NotFound());
    }

    /// <summary>Edits a person as a Workbooks user would (for tests): the columns are set, the lock version moves.</summary>
    public void EditPerson(int id, JsonObject columns) => store.Edit(id, columns);

    /// <summary>Deletes a person as a Workbooks user would: flagged deleted, hidden from listings.</summary>
    public void DeletePerson(int id) => store.Delete(id);

    /// <summary>Ends every login session, as Workbooks does when its service is upgraded.</summary>
    public void ExpireSessions() => sessions.ExpireAll();

    /// <summary>A person as the API renders it (deleted ones included), or null once purged.</summary>
    public JsonObject? Person(int id)
    {
        lock (store.Gate)
        {
            return store.AllLocked().FirstOrDefault(p => p.Id == id)?.Render(catalog);
        }
    }

    /// <summary>The name of an organisation, or null when there is none with this id.</summary>
    public string? OrganisationName(int id)
    {
        lock (store.Gate)
        {
            return organisations.NameLocked(id);
        }
    }

    /// <summary>The id of the organisation of this name (any case), added as the Workbooks user would when there is none.</summary>
    public int Organisation(string name)
    {
        lock (store.Gate)
        {
            return organisations.IdLocked(name) ?? organisations.AddLocked(name, store.Now, reference: null);
        }
    }

    /// <summary>How many organisations bear this name (any case): more than one after a sync is a duplicate.</summary>
    public int OrganisationsNamed(string name)
    {
        lock (store.Gate)
        {
            return organisations.RenderLocked().Count(o => string.Equals(o["name"]?.ToString(), name, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Ids of the live people, lowest first.</summary>
    public IReadOnlyList<int> PersonIds()
    {
        lock (store.Gate)
        {
            return [.. store.AllLocked().Where(p => !p.IsDeleted).Select(p => p.Id)];
        }
    }

    private IResult People(HttpContext context, WorkbooksParameters parameters)
    {
        switch (parameters.Method)
        {
            case "GET":
                var (rows, total) = listing.List(parameters);
                return WorkbooksAnswers.List(rows, total);
            case "PUT":
                Checked(context, parameters);
                var through = parameters.One("_application_name") ?? context.Request.Headers.UserAgent.ToString().Split(' ', '/')[0];
                return WorkbooksAnswers.Json(writes.Apply(parameters, through));
            default:
                throw new WorkbooksApiException(405, "method_not_allowed", $"The resource does not allow the method {parameters.Method}.");
        }
    }

    /// <summary>A change in a session must carry the session's authenticity token.</summary>
    private WorkbooksParameters Checked(HttpContext context, WorkbooksParameters parameters)
    {
        if (parameters.Method == "PUT" && parameters.One("api_key") is null && sessions.Find(context.Request) is { } session
            && !string.Equals(parameters.One("_authenticity_token"), session.AuthenticityToken, StringComparison.Ordinal))
        {
            throw new WorkbooksApiException(403, "invalid_authenticity_token", "Changes need the session's authenticity token (_authenticity_token).");
        }

        return parameters;
    }

    private IResult Types(WorkbooksParameters parameters)
    {
        var classes = parameters.Array("class_names");
        var types = classes.Count == 0 || classes.Contains(PersonFieldCatalog.ClassName)
            ? new JsonArray(catalog.Describe(parameters.Array("_select_columns").ToHashSet(StringComparer.Ordinal)))
            : [];
        return WorkbooksAnswers.List(types, types.Count);
    }

    /// <summary>The entries of one or more picklists (<c>picklist_id</c>, comma-separated), as the README's "Picklists" says.</summary>
    private IResult PicklistEntries(WorkbooksParameters parameters)
    {
        var wanted = (parameters.One("picklist_id") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var rows = new JsonArray();
        var entryId = 1;
        foreach (var (id, (name, entries)) in catalog.Picklists.OrderBy(p => p.Key))
        {
            for (var i = 0; i < entries.Length; i++, entryId++)
            {
                if (wanted.Length == 0 || wanted.Contains(id.ToString(CultureInfo.InvariantCulture)))
                {
                    rows.Add(new JsonObject { ["id"] = entryId, ["picklist_id"] = id, ["picklist_name"] = name, ["value"] = entries[i], ["display_order"] = i + 1 });
                }
            }
        }

        return WorkbooksAnswers.List(rows, rows.Count);
    }

    private bool IsAuthorized(HttpContext context)
    {
        var key = ParametersFilter.Of(context).One("api_key");
        return key is not null ? string.Equals(key, Options.ApiKey, StringComparison.Ordinal) : sessions.Find(context.Request) is not null;
    }

    private static IResult Guarded(Func<IResult> answer)
    {
        try
        {
            return answer();
        }
        catch (WorkbooksApiException ex)
        {
            return WorkbooksAnswers.Error(ex);
        }
    }

    private void Seed(TimeProvider time)
    {
        var start = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().AddDays(-1).ToUnixTimeSeconds());
        var i = 0;
        lock (store.Gate)
        {
            foreach (var employer in WorkbooksDemoData.Employers)
            {
                organisations.AddLocked(employer, start, null);
            }

            foreach (var person in WorkbooksDemoData.Generate(Options.SeedPeople, Options.Seed))
            {
                person["employer_link"] = organisations.IdLocked(person["employer_name"]!.GetValue<string>());
                // Several people share each second, as in an import: ties on updated_at are normal.
                store.AddLocked(person, start.AddSeconds(i++ / 3), "Workbooks");
            }
        }
    }
}
