using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.GoogleContacts;

/// <summary>
/// A stateful simulator of the Google People API v1 (contacts and contact groups) and Google's OAuth 2.0
/// endpoints, on the same paths and with the same JSON shapes and error envelope. See <c>README.md</c>.
/// </summary>
public sealed class GoogleContactsSandbox : ISandboxApp
{
    private readonly PeopleStore store;
    private readonly GoogleOAuthServer oauth;
    private readonly GoogleRateLimiter quota;
    private readonly ConnectionsEndpoint connections;
    private readonly PeopleEndpoints people;
    private readonly ContactGroupEndpoints groups;
    private const string RequestBodyKey = "google.requestBody";

    private readonly TimeProvider time;
    private int apiCalls;

    public GoogleContactsSandbox(GoogleSandboxOptions? options = null, TimeProvider? time = null)
    {
        Options = options ?? new GoogleSandboxOptions();
        this.time = time ?? TimeProvider.System;
        store = new PeopleStore(this.time);
        oauth = new GoogleOAuthServer(Options, this.time);
        quota = new GoogleRateLimiter(Options.RequestsPerMinute, this.time);
        connections = new ConnectionsEndpoint(store, Faults, Options, this.time);
        people = new PeopleEndpoints(store, Faults);
        groups = new ContactGroupEndpoints(store);
        Seed();
    }

    public string App => "google-contacts";

    public GoogleSandboxOptions Options { get; }

    public GoogleSandboxFaults Faults { get; } = new();

    /// <summary>Sees every successful API call with its request and response bodies (for spec validation in tests).</summary>
    public Action<GoogleExchange>? Observer { get; set; }

    /// <summary>Contacts that are not deleted.</summary>
    public int ContactCount => store.Count;

    /// <summary>Requests received on <c>/v1/…</c> (for tests that count API calls).</summary>
    public int ApiCalls => Volatile.Read(ref apiCalls);


    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path is "/o/oauth2/auth" or "/o/oauth2/v2/auth")
        {
            await oauth.AuthorizeAsync(context).ConfigureAwait(false);
            return;
        }

        if (path == "/token")
        {
            await oauth.TokenAsync(context).ConfigureAwait(false);
            return;
        }

        if (path == "/_sandbox/faults" && HttpMethods.IsPost(context.Request.Method))
        {
            await FaultAdmin.ApplyAsync(context, Faults, oauth).ConfigureAwait(false);
            return;
        }

        try
        {
            if (!path.StartsWith("/v1/", StringComparison.Ordinal))
            {
                throw new GoogleApiException(404, "NOT_FOUND", "The requested URL was not found on this server.");
            }

            await ServeApiAsync(context, path["/v1/".Length..]).ConfigureAwait(false);
        }
        catch (GoogleApiException error)
        {
            await GoogleErrors.WriteAsync(context, error).ConfigureAwait(false);
        }
    }

    /// <summary>Edits a contact as its owner would in Google Contacts (for tests): replaces the given fields.</summary>
    public void EditContact(string resourceName, Action<JsonObject> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        store.Atomically(() =>
        {
            var contact = store.Find(resourceName) ?? throw new KeyNotFoundException(resourceName);
            var fields = (JsonObject)contact.Fields.DeepClone();
            edit(fields);
            return store.Update(resourceName, contact.Etag, fields, fields.Select(p => p.Key).ToHashSet(StringComparer.Ordinal), changedElsewhere: false);
        });
    }

    /// <summary>Deletes a contact as its owner would (for tests).</summary>
    public void DeleteContact(string resourceName) => store.Delete(resourceName);

    /// <summary>Resource names of the live contacts, oldest change first.</summary>
    public IReadOnlyList<string> ResourceNames() => store.Page(0, long.MaxValue, includeDeleted: false, int.MaxValue).Items.Select(c => c.ResourceName).ToList();

    /// <summary>A live contact as the API would return it with every field, or null.</summary>
    public JsonObject? Person(string resourceName) =>
        store.Atomically(() => store.Find(resourceName) is { } c ? PersonShape.Render(c, PersonFields.Readable) : null);

    /// <summary>Revokes every access token now, as if Google expired them early.</summary>
    public void RevokeAccessTokens() => oauth.RevokeAccessTokens();

    private async Task ServeApiAsync(HttpContext context, string route)
    {
        Interlocked.Increment(ref apiCalls);
        if (Faults.TakeSlow())
        {
            await Task.Delay(Faults.SlowDelay, time, context.RequestAborted).ConfigureAwait(false);
        }

        if (!oauth.IsAuthorized(context.Request))
        {
            throw GoogleErrors.Unauthenticated();
        }

        if (Faults.TakeRateLimited() || !quota.TryAcquire())
        {
            throw GoogleErrors.QuotaExceeded();
        }

        if (Faults.TakeServerError())
        {
            throw Faults.ServerErrorStatus == 500
                ? new GoogleApiException(500, "INTERNAL", "Internal error encountered.")
                : new GoogleApiException(503, "UNAVAILABLE", "The service is currently unavailable.");
        }

        var method = context.Request.Method;
        var isWrite = !HttpMethods.IsGet(method);
        var result = await RouteAsync(context, method, route).ConfigureAwait(false);
        Observer?.Invoke(new GoogleExchange(method, route, context.Items[RequestBodyKey] as JsonObject, result));
        if (isWrite && Faults.TakeLostResponse())
        {
            // The write happened; the answer never arrives.
            context.Abort();
            return;
        }

        await GoogleErrors.WriteJsonAsync(context, 200, result).ConfigureAwait(false);
    }

    private async Task<JsonObject> RouteAsync(HttpContext context, string method, string route)
    {
        var query = context.Request.Query;
        var get = HttpMethods.IsGet(method);
        var post = HttpMethods.IsPost(method);
        switch (route)
        {
            case "people/me/connections" when get:
                return connections.List(query);
            case "people:batchGet" when get:
                return people.BatchGet(query);
            case "people:createContact" when post:
                return people.Create(await BodyAsync(context).ConfigureAwait(false), query);
            case "people:batchCreateContacts" when post:
                return people.BatchCreate(await BodyAsync(context).ConfigureAwait(false));
            case "people:batchUpdateContacts" when post:
                return people.BatchUpdate(await BodyAsync(context).ConfigureAwait(false));
            case "people:batchDeleteContacts" when post:
                return people.BatchDelete(await BodyAsync(context).ConfigureAwait(false));
            case "contactGroups" when get:
                return groups.List();
            case "contactGroups" when post:
                return groups.Create(await BodyAsync(context).ConfigureAwait(false));
        }

        if (route.StartsWith("people/", StringComparison.Ordinal))
        {
            if (route.EndsWith(":updateContact", StringComparison.Ordinal) && HttpMethods.IsPatch(method))
            {
                return people.Update(route[..^":updateContact".Length], await BodyAsync(context).ConfigureAwait(false), query);
            }

            if (route.EndsWith(":deleteContact", StringComparison.Ordinal) && HttpMethods.IsDelete(method))
            {
                return people.Delete(route[..^":deleteContact".Length]);
            }

            if (get && !route.Contains(':', StringComparison.Ordinal))
            {
                return people.Get(route, query);
            }
        }

        if (route.StartsWith("contactGroups/", StringComparison.Ordinal))
        {
            if (route.EndsWith("/members:modify", StringComparison.Ordinal) && post)
            {
                return groups.ModifyMembers(route[..^"/members:modify".Length], await BodyAsync(context).ConfigureAwait(false));
            }

            if (get)
            {
                return groups.Get(route, query);
            }
        }

        throw new GoogleApiException(404, "NOT_FOUND", "The requested URL was not found on this server.");
    }

    private static async Task<JsonObject> BodyAsync(HttpContext context)
    {
        try
        {
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) as JsonObject
                ?? throw GoogleApiException.Invalid("Invalid JSON payload received. Expected an object.");
            context.Items[RequestBodyKey] = body.DeepClone();
            return body;
        }
        catch (JsonException)
        {
            throw GoogleApiException.Invalid("Invalid JSON payload received.");
        }
    }

    private void Seed()
    {
        var groupNames = DemoContacts.GroupNames.ToDictionary(n => n, n => store.CreateGroup(n).ResourceName, StringComparer.Ordinal);
        foreach (var person in DemoContacts.Generate(Options.SeedContacts, Options.Seed, n => groupNames[n]))
        {
            store.Create(PersonShape.ReadInput(person));
        }
    }
}
