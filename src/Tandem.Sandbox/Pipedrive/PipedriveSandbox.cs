using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.Pipedrive;

/// <summary>
/// A stateful simulator of Pipedrive's persons API (v2, with v1 <c>personFields</c>, <c>recents</c>,
/// <c>organizations</c> and <c>users</c>), API-token and OAuth 2.0 (bearer) auth, the <c>{success, data, additional_data}</c> envelope,
/// the burst rate limit with <c>x-ratelimit-*</c> headers, and fault switches. See <c>README.md</c>.
/// </summary>
public sealed class PipedriveSandbox : ISandboxApp, IDisposable
{
    private readonly PersonStore store;
    private readonly PersonFieldCatalog fields;
    private readonly PersonEndpoints persons;
    private readonly BurstLimiter burst;
    private readonly TimeProvider time;
    private readonly WebhookEndpoints webhooks;
    private readonly WebhookDispatcher dispatcher;
    private readonly PipedriveOAuthServer oauth;
    private int apiCalls;

    /// <param name="options">Token, limits, seed.</param>
    /// <param name="time">The sandbox's clock.</param>
    /// <param name="webhookHandler">Sends webhook deliveries (tests capture them here); the network when null.</param>
    public PipedriveSandbox(PipedriveSandboxOptions? options = null, TimeProvider? time = null, HttpMessageHandler? webhookHandler = null)
    {
        Options = options ?? new PipedriveSandboxOptions();
        this.time = time ?? TimeProvider.System;
        store = new PersonStore(this.time, Options.DeletedRetention, PipedriveDemoData.Users[0].Id);
        fields = new PersonFieldCatalog(Options.Labels);
        persons = new PersonEndpoints(store);
        burst = new BurstLimiter(Options.BurstLimit, this.time);
        webhooks = new WebhookEndpoints(this.time, PipedriveDemoData.Users[0].Id);
        dispatcher = new WebhookDispatcher(webhooks, webhookHandler, this.time);
        oauth = new PipedriveOAuthServer(Options, this.time);
        Seed();

        // Seeding is the company's history: webhooks only hear of what happens afterwards.
        store.Changed = change => dispatcher.Enqueue(change with
        {
            Current = change.Current is null ? null : PersonEndpoints.WithoutNulls(Public(change.Current)),
            Previous = change.Previous is null ? null : PersonEndpoints.WithoutNulls(Public(change.Previous)),
        });
    }

    public string App => "pipedrive";

    public PipedriveSandboxOptions Options { get; }

    public PipedriveSandboxFaults Faults { get; } = new();

    /// <summary>Live (not deleted) persons.</summary>
    public int PersonCount => store.Count;

    /// <summary>Requests received on the API paths.</summary>
    public int ApiCalls => Volatile.Read(ref apiCalls);

    /// <summary>The 40-character key of a seeded custom field, by its name ("Segment").</summary>
    public static string CustomFieldKey(string name) => PersonFieldCatalog.HashKey(name);

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith("/oauth/", StringComparison.Ordinal))
        {
            await oauth.HandleAsync(context, path["/oauth/".Length..]).ConfigureAwait(false);
            return;
        }

        try
        {
            var route = path.StartsWith("/api/v2/", StringComparison.Ordinal) ? "v2/" + path["/api/v2/".Length..]
                : path.StartsWith("/api/v1/", StringComparison.Ordinal) ? "v1/" + path["/api/v1/".Length..]
                : path.StartsWith("/v1/", StringComparison.Ordinal) ? "v1/" + path["/v1/".Length..]
                : throw PipedriveApiException.NotFound("Route");
            await ServeAsync(context, route).ConfigureAwait(false);
        }
        catch (PipedriveApiException error)
        {
            // 401 has the body openapi-v1.yaml gives it ({success, error, errorCode}); other errors Pipedrive's usual envelope.
            await WriteAsync(context, error.Status, error.Status == 401
                ? new JsonObject { ["success"] = false, ["error"] = error.Message, ["errorCode"] = 401 }
                : new JsonObject
                {
                    ["success"] = false,
                    ["error"] = error.Message,
                    ["error_info"] = "Please check developers.pipedrive.com for more information about Pipedrive API.",
                    ["data"] = null,
                    ["additional_data"] = null,
                }).ConfigureAwait(false);
        }
    }

    /// <summary>Revokes every OAuth access token now (refresh tokens keep working), as if Pipedrive expired them early.</summary>
    public void RevokeAccessTokens() => oauth.RevokeAccessTokens();

    /// <summary>Stops webhook deliveries (the HTTP client they use).</summary>
    public void Dispose() => dispatcher.Dispose();

    /// <summary>Webhook delivery attempts started so far, retries included.</summary>
    public long WebhookDeliveries => dispatcher.Deliveries;

    /// <summary>Completes when the first attempt of every webhook delivery queued so far has been made (deliveries are asynchronous, as in Pipedrive).</summary>
    public Task FlushWebhooksAsync() => dispatcher.FlushAsync();

    /// <summary>
    /// Completes once <paramref name="count"/> webhook delivery attempts (retries included) have finished. A failed
    /// attempt's retry waits on the sandbox's clock (3 s, 30 s, 150 s) and is already scheduled by then.
    /// </summary>
    public Task WhenWebhookAttemptsAsync(long count, CancellationToken cancellationToken = default) => dispatcher.WhenAttemptsAsync(count, cancellationToken);

    /// <summary>Edits a person as a Pipedrive user would (for tests): the body is applied like a PATCH.</summary>
    public void EditPerson(int id, JsonObject changes) => store.Patch(id, changes);

    /// <summary>Deletes a person as a Pipedrive user would (for tests).</summary>
    public void DeletePerson(int id) => store.Delete(id);

    /// <summary>
    /// Links a deal to a person as a Pipedrive user would (for tests): <paramref name="status"/> open, won or lost. The
    /// person's deal counts (<c>include_fields=open_deals_count,closed_deals_count,…</c>) and <c>update_time</c> change.
    /// </summary>
    public void AddDeal(int personId, string status = "open") => store.Deals(
        personId,
        counts => status switch
        {
            "open" => counts with { Open = counts.Open + 1 },
            "won" => counts with { Won = counts.Won + 1 },
            "lost" => counts with { Lost = counts.Lost + 1 },
            _ => throw new ArgumentException("A deal's status is open, won or lost.", nameof(status)),
        },
        touch: true);

    /// <summary>A live person in the v2 shape, or null.</summary>
    public JsonObject? Person(int id) => store.Snapshot(includeDeleted: false).FirstOrDefault(p => PersonEndpoints.Id(p) == id);

    /// <summary>Ids of the live persons, lowest first.</summary>
    public IReadOnlyList<int> PersonIds() => store.Snapshot(includeDeleted: false).Select(PersonEndpoints.Id).ToList();

    private async Task ServeAsync(HttpContext context, string route)
    {
        Interlocked.Increment(ref apiCalls);
        if (Faults.TakeSlow())
        {
            await Task.Delay(Faults.SlowDelay, time, context.RequestAborted).ConfigureAwait(false);
        }

        if (!IsAuthorized(context.Request))
        {
            throw PipedriveApiException.Unauthorized();
        }

        var (allowed, remaining, reset) = burst.TryAcquire();
        var headers = context.Response.Headers;
        headers["x-ratelimit-limit"] = burst.Limit.ToString(CultureInfo.InvariantCulture);
        if (Faults.TakeRateLimited())
        {
            (allowed, remaining, reset) = (false, 0, Faults.StormResetSeconds);
        }

        headers["x-ratelimit-remaining"] = Math.Max(0, Math.Min(remaining, burst.Limit)).ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-reset"] = reset.ToString(CultureInfo.InvariantCulture);
        if (!allowed)
        {
            throw new PipedriveApiException(429, "Request over limit");
        }

        if (Faults.TakeServerError())
        {
            throw new PipedriveApiException(Faults.ServerErrorStatus, "Internal server error");
        }

        var method = context.Request.Method;
        var (status, data, additional, whole) = await RouteAsync(context, method, route).ConfigureAwait(false);
        if (!HttpMethods.IsGet(method) && Faults.TakeLostResponse())
        {
            // The write happened; the answer never arrives.
            context.Abort();
            return;
        }

        // v1 webhooks answer in their own shape ({success, status, data}, or errors), not the persons envelope.
        var body = whole ?? new JsonObject { ["success"] = true, ["data"] = data };
        if (whole is null && additional is not null)
        {
            body["additional_data"] = additional;
        }

        await WriteAsync(context, status, body).ConfigureAwait(false);
    }

    private async Task<(int Status, JsonNode? Data, JsonObject? Additional, JsonObject? Whole)> RouteAsync(HttpContext context, string method, string route)
    {
        var query = context.Request.Query;
        var get = HttpMethods.IsGet(method);
        switch (route)
        {
            case "v2/persons" when get:
                var (list, more) = persons.List(query);
                return (200, list, more, null);
            case "v2/persons/search" when get:
                var (found, next) = persons.Search(query);
                return (200, found, next, null);
            case "v2/persons" when HttpMethods.IsPost(method):
                return (200, persons.Create(await BodyAsync(context).ConfigureAwait(false)), null, null);
            case "v1/personFields" when get:
                return (200, new JsonArray(fields.Fields.Select(f => (JsonNode)f.DeepClone()).ToArray()), Pagination(0, fields.Fields.Count, more: false), null);
            case "v1/personFields" when HttpMethods.IsPost(method):
                return (200, fields.Add(await BodyAsync(context).ConfigureAwait(false), time.GetUtcNow(), PipedriveDemoData.Users[0].Id), null, null);
            case "v2/organizations" when get:
                return (200, new JsonArray(store.Organizations().Select(o => (JsonNode)new JsonObject { ["id"] = o.Id, ["name"] = o.Name }).ToArray()), new JsonObject { ["next_cursor"] = null }, null);
            case "v2/organizations" when HttpMethods.IsPost(method):
                var name = (await BodyAsync(context).ConfigureAwait(false))["name"]?.GetValue<string>() ?? throw PipedriveApiException.Invalid("Name must be given.");
                return (200, new JsonObject { ["id"] = store.CreateOrganization(name), ["name"] = name }, null, null);
            case "v1/recents" when get:
                var (recents, recentsMore) = Recents(query);
                return (200, recents, recentsMore, null);
            case "v1/webhooks" when get:
                return (200, null, null, webhooks.List());
            case "v1/webhooks" when HttpMethods.IsPost(method):
                var (webhookStatus, webhook) = webhooks.Create(await BodyAsync(context).ConfigureAwait(false));
                return (webhookStatus, null, null, webhook);
            case "v1/users" when get:
                return (200, new JsonArray(PipedriveDemoData.Users.Select(u => (JsonNode)new JsonObject { ["id"] = u.Id, ["name"] = u.Name, ["active_flag"] = true }).ToArray()), null, null);
        }

        if (route.StartsWith("v1/webhooks/", StringComparison.Ordinal) && HttpMethods.IsDelete(method)
            && int.TryParse(route["v1/webhooks/".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var webhookId))
        {
            return (200, null, null, webhooks.Delete(webhookId));
        }

        if (route.StartsWith("v2/persons/", StringComparison.Ordinal) && int.TryParse(route["v2/persons/".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            if (get)
            {
                return (200, persons.Get(id, query), null, null);
            }

            if (HttpMethods.IsPatch(method))
            {
                return (200, persons.Patch(id, await BodyAsync(context).ConfigureAwait(false)), null, null);
            }

            if (HttpMethods.IsDelete(method))
            {
                return (200, persons.Delete(id), null, null);
            }
        }

        throw PipedriveApiException.NotFound("Route");
    }

    /// <summary>
    /// v1 <c>GET /recents?since_timestamp=YYYY-MM-DD HH:MM:SS&amp;items=person&amp;start=&amp;limit=</c>: persons changed
    /// since then, oldest first, deleted ones with <c>active_flag: false</c>; <c>start</c>/<c>limit</c> pagination.
    /// </summary>
    private (JsonArray Data, JsonObject Additional) Recents(IQueryCollection query)
    {
        var sinceText = query["since_timestamp"].FirstOrDefault();
        var since = sinceText is { Length: > 0 }
            && DateTimeOffset.TryParseExact(sinceText, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t : throw PipedriveApiException.Invalid("since_timestamp must be given as YYYY-MM-DD HH:MM:SS");
        var start = IntQuery(query, "start") ?? 0;
        var limit = IntQuery(query, "limit") ?? 100;
        if (start < 0 || limit is < 1 or > 500)
        {
            throw PipedriveApiException.Invalid("start must be 0 or more and limit between 1 and 500");
        }

        var wanted = query["items"].FirstOrDefault() is not { Length: > 0 } items || items.Split(',').Contains("person");
        var changed = wanted
            ? store.Snapshot(includeDeleted: true)
                .Select(p => (Person: p, At: PersonStore.ParseStamp(p["update_time"]!.GetValue<string>())))
                .Where(p => p.At >= since)
                .OrderBy(p => p.At).ThenBy(p => PersonEndpoints.Id(p.Person))
                .ToList()
            : [];
        var page = changed.Skip(start).Take(limit).ToList();
        var data = new JsonArray(page.Select(p => (JsonNode)new JsonObject
        {
            ["item"] = "person",
            ["id"] = PersonEndpoints.Id(p.Person),
            ["data"] = new JsonObject
            {
                ["id"] = PersonEndpoints.Id(p.Person),
                ["name"] = p.Person["name"]?.GetValue<string>(),
                ["active_flag"] = p.Person["is_deleted"]?.GetValue<bool>() != true,
                ["update_time"] = p.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            },
        }).ToArray());
        var additional = Pagination(start, limit, more: start + page.Count < changed.Count);
        additional["since_timestamp"] = since.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        if (page.Count > 0)
        {
            additional["last_timestamp_on_page"] = page[^1].At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        }

        return (data, additional);
    }

    private static int? IntQuery(IQueryCollection query, string name) =>
        query[name].FirstOrDefault() is { Length: > 0 } text
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw PipedriveApiException.Invalid(name + " must be an integer")
            : null;

    /// <summary>A person as answered without <c>include_fields</c>.</summary>
    private static JsonObject Public(JsonObject person) => PersonEndpoints.WithoutIncludedFields(person);

    private bool IsAuthorized(HttpRequest request)
    {
        if (oauth.IsAuthorized(request))
        {
            return true;
        }

        var token = request.Headers["x-api-token"].FirstOrDefault() ?? request.Query["api_token"].FirstOrDefault();
        return token is not null && string.Equals(token, Options.ApiToken, StringComparison.Ordinal);
    }

    /// <summary>v1 list pagination as the spec's examples show it (<c>additional_data.pagination</c>); no <c>next_start</c>: the next page starts at start + limit.</summary>
    private static JsonObject Pagination(int start, int limit, bool more) => new()
    {
        ["pagination"] = new JsonObject { ["start"] = start, ["limit"] = limit, ["more_items_in_collection"] = more },
    };

    private static async Task<JsonObject> BodyAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) as JsonObject
                ?? throw PipedriveApiException.Invalid("Request body must be a JSON object");
        }
        catch (JsonException)
        {
            throw PipedriveApiException.Invalid("Request body is not valid JSON");
        }
    }

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    private void Seed()
    {
        var orgIds = PipedriveDemoData.Organizations.Select(store.CreateOrganization).ToList();
        var start = time.GetUtcNow().AddDays(-1);
        var i = 0;
        foreach (var person in PipedriveDemoData.Generate(Options.SeedPersons, Options.Seed, fields, orgIds))
        {
            // Several persons share each second, as in a real import: ties on update_time are normal.
            var id = PersonEndpoints.Id(store.Create(person, start.AddSeconds(i / 3)));
            var (open, won, lost) = PipedriveDemoData.Deals(i++);
            store.Deals(id, _ => (open, won, lost), touch: false);
        }
    }
}
