using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tandem.Sandbox.Kit.Faults;
using Tandem.Sandbox.Kit.OAuth;
using Tandem.Sandbox.Kit.Routing;

namespace Tandem.Sandbox.GoogleContacts;

/// <summary>
/// A stateful simulator of the Google People API v1 (contacts and contact groups) and Google's OAuth 2.0
/// endpoints, on the same paths and with the same JSON shapes and error envelope. Built on the sandbox kit (route
/// groups, the fault pipeline, the OAuth server). See <c>README.md</c>.
/// </summary>
public sealed class GoogleContactsSandbox : ISandboxApp, IRoutedSandbox
{
    private const string RequestBodyKey = "google.requestBody";
    private readonly PeopleStore store;
    private readonly AuthorizationServer oauth;
    private readonly FaultPipeline pipeline;
    private readonly FullSyncQuota fullSyncs;
    private readonly ConnectionsEndpoint connections;
    private readonly PeopleEndpoints people;
    private readonly ContactGroupEndpoints groups;
    private readonly SandboxPipeline standalone;

    public GoogleContactsSandbox(GoogleSandboxOptions? options = null, TimeProvider? time = null)
    {
        Options = options ?? new GoogleSandboxOptions();
        var clock = time ?? TimeProvider.System;
        store = new PeopleStore(clock);
        oauth = new AuthorizationServer(GoogleOAuth.Describe(Options), clock);
        Faults.FullSyncsPerMinute = Options.FullSyncsPerMinute;
        fullSyncs = new FullSyncQuota(clock, () => Faults.FullSyncsPerMinute);
        pipeline = new FaultPipeline(Faults, GoogleFaults.Describe(c => oauth.IsAuthorized(c.Request), new PerMinuteQuota(Options.RequestsPerMinute, clock), fullSyncs), clock);
        connections = new ConnectionsEndpoint(store, Faults, Options, clock);
        people = new PeopleEndpoints(store, Faults);
        groups = new ContactGroupEndpoints(store);
        standalone = new SandboxPipeline(this);
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
    public int ApiCalls => pipeline.Calls;

    public Task HandleAsync(HttpContext context) => standalone.HandleAsync(context);

    void IRoutedSandbox.MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        oauth.Map(endpoints, GoogleOAuth.AuthorizePaths, GoogleOAuth.TokenPath);
        FaultSwitchesEndpoint.Map(endpoints, Faults, oauth.RevokeAccessTokens);
        var api = endpoints.MapGroup("/v1");
        api.AddEndpointFilter((c, next) =>
        {
            store.PhotoOrigin = c.HttpContext.Request.Scheme + "://" + c.HttpContext.Request.Host;
            return next(c);
        });
        api.AddEndpointFilter(pipeline);
        api.MapGet("people/me/connections", (HttpContext c) => Answer(c, connections.List(c.Request.Query)));
        api.MapGet("people:batchGet", (HttpContext c) => Answer(c, people.BatchGet(c.Request.Query)));
        api.MapPost("people:createContact", async Task<IResult> (HttpContext c) => Answer(c, people.Create(await BodyAsync(c).ConfigureAwait(false), c.Request.Query)));
        api.MapPost("people:batchCreateContacts", async Task<IResult> (HttpContext c) => Answer(c, people.BatchCreate(await BodyAsync(c).ConfigureAwait(false))));
        api.MapPost("people:batchUpdateContacts", async Task<IResult> (HttpContext c) => Answer(c, people.BatchUpdate(await BodyAsync(c).ConfigureAwait(false))));
        api.MapPost("people:batchDeleteContacts", async Task<IResult> (HttpContext c) => Answer(c, people.BatchDelete(await BodyAsync(c).ConfigureAwait(false))));
        api.MapPatch("people/{id}:updateContact", async (HttpContext c, string id) =>
            Answer(c, people.Update("people/" + id, await BodyAsync(c).ConfigureAwait(false), c.Request.Query)));
        api.MapDelete("people/{id}:deleteContact", (HttpContext c, string id) => Answer(c, people.Delete("people/" + id)));
        api.MapPatch("people/{id}:updateContactPhoto", async (HttpContext c, string id) =>
            Answer(c, people.UpdatePhoto("people/" + id, await BodyAsync(c).ConfigureAwait(false))));
        api.MapDelete("people/{id}:deleteContactPhoto", (HttpContext c, string id) => Answer(c, people.DeletePhoto("people/" + id, c.Request.Query)));

        // A custom method on the wrong verb (people/c1:updateContact with GET) is an unknown URL, not a person.
        api.MapGet("people/{id}", (HttpContext c, string id) => id.Contains(':', StringComparison.Ordinal) ? throw NotFound() : Answer(c, people.Get("people/" + id, c.Request.Query)));
        api.MapGet("contactGroups", (HttpContext c) => Answer(c, groups.List()));
        api.MapPost("contactGroups", async Task<IResult> (HttpContext c) => Answer(c, groups.Create(await BodyAsync(c).ConfigureAwait(false))));
        api.MapPost("contactGroups/{id}/members:modify", async (HttpContext c, string id) =>
            Answer(c, groups.ModifyMembers("contactGroups/" + id, await BodyAsync(c).ConfigureAwait(false))));
        api.MapGet("contactGroups/{id}", (HttpContext c, string id) => Answer(c, groups.Get("contactGroups/" + id, c.Request.Query)));
        api.Map("{**rest}", IResult () => throw NotFound());

        // Photo URLs: public, as Google's are (no token, no quota).
        endpoints.MapGet("/photos/default/{id}", () => Results.Bytes(DefaultPhoto, "image/png"));
        endpoints.MapGet("/photos/{id}/{key}", (string id, string key) =>
            store.Photo(id, key) is { } photo ? Results.Bytes(photo.Bytes, photo.MediaType) : new GoogleErrorAnswer(NotFound()));
        endpoints.Map("{**path}", () => new GoogleErrorAnswer(NotFound()));
    }

    /// <summary>Edits a contact as its owner would in Google Contacts (for tests): replaces the given fields.</summary>
    /// <summary>Full-sync first pages the full-sync quota refused so far.</summary>
    public int FullSyncsRefused => fullSyncs.Refused;

    /// <summary>
    /// Links a contact to a Google profile, as a verified email does (for tests): reads answer the profile's name and
    /// email beside the contact's, with the PROFILE source, unless they ask for <c>READ_SOURCE_TYPE_CONTACT</c> only.
    /// </summary>
    public void LinkToProfile(string resourceName, string profileId, string givenName, string familyName, string email) =>
        store.LinkProfile(resourceName, profileId, new JsonObject
        {
            ["names"] = new JsonArray(new JsonObject { ["givenName"] = givenName, ["familyName"] = familyName }),
            ["emailAddresses"] = new JsonArray(new JsonObject { ["value"] = email }),
        });

    public void EditContact(string resourceName, Action<JsonObject> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        store.Atomically(() =>
        {
            var contact = store.Find(resourceName) ?? throw new KeyNotFoundException(resourceName);
            var fields = (JsonObject)contact.Fields.DeepClone();
            edit(fields);
            return store.Update(resourceName, contact.Etag, fields, fields.Select(p => p.Key).ToHashSet(StringComparer.Ordinal), changedElsewhere: false, byUser: true);
        });
    }

    /// <summary>Sets a contact's photo as its owner would in Google Contacts (for tests); Google re-encodes it.</summary>
    public void SetPhoto(string resourceName, byte[]? bytes) => store.SetPhoto(resourceName, bytes);

    /// <summary>The bytes Google now holds for a contact's photo, or null when it shows the default picture.</summary>
    public byte[]? PhotoBytes(string resourceName) => store.Atomically(() => store.Find(resourceName)?.Photo?.Bytes);

    /// <summary>Deletes a contact as its owner would (for tests).</summary>
    public void DeleteContact(string resourceName) => store.Delete(resourceName);

    /// <summary>Resource names of the live contacts, oldest change first.</summary>
    public IReadOnlyList<string> ResourceNames() => store.Page(0, long.MaxValue, includeDeleted: false, int.MaxValue).Items.Select(c => c.ResourceName).ToList();

    /// <summary>
    /// A live contact as the API would return it with every field but its photo, or null. Photo URLs name the origin the
    /// API was last called on, which a test's own reads need not share; the photo's bytes are <see cref="PhotoBytes"/>.
    /// </summary>
    public JsonObject? Person(string resourceName) =>
        store.Atomically(() => store.Find(resourceName) is { } c ? PersonShape.Render(c, WithoutPhotos, store.PhotoOrigin) : null);

    private static readonly HashSet<string> WithoutPhotos = new(PersonFields.Readable.Where(f => f != "photos"), StringComparer.Ordinal);

    /// <summary>The contact groups the user made (not the system ones), by name, with their members' resource names (for tests).</summary>
    public IReadOnlyList<(string Name, IReadOnlyList<string> Members)> UserGroups() => store.Atomically(() =>
        store.Groups().Where(g => !g.IsSystem).Select(g => (g.Name, (IReadOnlyList<string>)[.. store.Members(g.ResourceName)])).ToList());

    /// <summary>Revokes every access token now, as if Google expired them early.</summary>
    public void RevokeAccessTokens() => oauth.RevokeAccessTokens();

    // Google's default picture is a letter on a coloured square; a 1×1 grey PNG stands in for it.
    private static readonly byte[] DefaultPhoto = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==");

    private static GoogleApiException NotFound() => new(404, "NOT_FOUND", "The requested URL was not found on this server.");

    /// <summary>A successful call's answer; the observer sees it with the request body first.</summary>
    private JsonAnswer Answer(HttpContext context, JsonObject result)
    {
        var path = context.Request.Path.Value ?? "/";
        Observer?.Invoke(new GoogleExchange(context.Request.Method, path["/v1/".Length..], context.Items[RequestBodyKey] as JsonObject, result));
        return new JsonAnswer(200, result, GoogleErrors.ContentType);
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
