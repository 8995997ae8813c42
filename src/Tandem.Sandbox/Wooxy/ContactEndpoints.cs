using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tandem.Sandbox.Kit.Routing;

namespace Tandem.Sandbox.Wooxy;

/// <summary>
/// <c>contacts/add</c>, <c>contacts/update</c>, <c>contacts/remove</c> (accepted at once with a request id, processed
/// later), <c>request/find</c> (up to 100 ids) and <c>contact/get</c>.
/// </summary>
internal sealed class ContactEndpoints(WooxyStore store, WooxyFaults faults, WooxySandboxOptions options)
{
    public void Map(RouteGroupBuilder api)
    {
        api.MapPost("contacts/add", async Task<IResult> (HttpContext c) => Submit("contacts/add", await WooxyBody.ReadAsync(c), "contacts"));
        api.MapPost("contacts/update", async Task<IResult> (HttpContext c) => Submit("contacts/update", await WooxyBody.ReadAsync(c), "contacts"));
        api.MapPost("contacts/remove", async Task<IResult> (HttpContext c) => Submit("contacts/remove", await WooxyBody.ReadAsync(c), null));
        api.MapPost("request/find", async Task<IResult> (HttpContext c) => Find(await WooxyBody.ReadAsync(c)));
        api.MapPost("contact/get", async Task<IResult> (HttpContext c) => Get(await WooxyBody.ReadAsync(c)));
    }

    private JsonAnswer Submit(string source, JsonObject body, string? contactsProperty)
    {
        var listId = WooxyBody.Required(body, "contactListId");
        store.Read(() => store.List(listId));
        var count = contactsProperty is null
            ? new[] { "emails", "phoneNumbers", "userIds" }.Sum(p => (body[p] as JsonArray)?.Count ?? 0)
            : (body[contactsProperty] as JsonArray)?.Count ?? throw WooxyApiException.BadRequest("Argument contacts required");
        if (count == 0)
        {
            throw WooxyApiException.BadRequest(contactsProperty is null ? "Argument emails, phoneNumbers or userIds required" : "Argument contacts must be a non-empty array");
        }

        if (count > options.MaxRecordsPerTransaction)
        {
            throw WooxyApiException.BadRequest($"Maximum count of records per transaction is {options.MaxRecordsPerTransaction}, current {count}");
        }

        var id = store.Submit(source, body, faults.TakeStall());
        return WooxyBody.Ok(new JsonObject { ["result"] = true, ["requestId"] = id });
    }

    private JsonAnswer Find(JsonObject body)
    {
        var ids = (body["ids"] as JsonArray ?? throw WooxyApiException.BadRequest("Argument ids required")).Select(n => n?.GetValue<string>()).OfType<string>().ToList();
        if (ids.Count > options.MaxRecordsPerTransaction)
        {
            throw WooxyApiException.BadRequest($"Maximum count of records per transaction is {options.MaxRecordsPerTransaction}, current {ids.Count}");
        }

        var requests = new JsonObject();
        foreach (var request in store.Find(ids))
        {
            requests[request.Id] = RequestShape.Of(request);
        }

        return WooxyBody.Ok(new JsonObject { ["result"] = true, ["requests"] = requests, ["errors"] = new JsonArray() });
    }

    private JsonAnswer Get(JsonObject body)
    {
        var listId = WooxyBody.Required(body, "contactListId");
        var identifier = WooxyBody.Text(body, "email") ?? WooxyBody.Text(body, "phoneNumber") ?? WooxyBody.Text(body, "userId")
            ?? throw WooxyApiException.BadRequest("One of email, phoneNumber or userId is required");
        var contact = store.Read(() => store.List(listId).Find(identifier) is { } found ? ContactShape.Of(found) : null)
            ?? throw WooxyApiException.NotFound("Contact not found");
        return WooxyBody.Ok(new JsonObject { ["result"] = true, ["contact"] = contact, ["errors"] = new JsonArray() });
    }
}
