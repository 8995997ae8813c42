using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tandem.Sandbox.Kit.Faults;

namespace Tandem.Sandbox.Salesmate;

/// <summary>
/// Salesmate's API paths under <c>/apis</c>, through the fault pipeline: contacts v4 (create, get, update, delete,
/// search), companies v4 (create, search), and the account's active users and contact fields.
/// </summary>
internal sealed class SalesmateRoutes
{
    private readonly ContactStore store;

    public SalesmateRoutes(ContactStore store)
    {
        this.store = store;
    }

    public void Map(IEndpointRouteBuilder routes, FaultPipeline faults)
    {
        var api = routes.MapGroup("/apis");
        api.AddEndpointFilter(faults);
        api.Map("{**rest}", IResult () => throw SalesmateApiException.RouteNotFound());

        api.MapPost("contact/v4", async Task<IResult> (HttpContext c) =>
            SalesmateAnswers.Ok(new JsonObject { ["id"] = store.Create(await BodyAsync(c).ConfigureAwait(false)) }));
        api.MapPost("contact/v4/search", async Task<IResult> (HttpContext c) =>
            SalesmateAnswers.Ok(new SearchQuery("Contact", await BodyAsync(c).ConfigureAwait(false), c.Request.Query).Answer(store.Snapshot())));
        api.MapGet("contact/v4/{id}", (string id) => SalesmateAnswers.Ok(store.Get(ContactId(id))));
        api.MapPut("contact/v4/{id}", async Task<IResult> (HttpContext c, string id) =>
        {
            var contact = ContactId(id);
            store.Update(contact, await BodyAsync(c).ConfigureAwait(false));
            return SalesmateAnswers.Ok(new JsonObject { ["id"] = contact });
        });
        api.MapDelete("contact/v4/{id}", (string id) =>
        {
            store.Delete(ContactId(id));
            return SalesmateAnswers.Ok(new JsonObject());
        });

        api.MapPost("company/v4", async Task<IResult> (HttpContext c) =>
        {
            var body = await BodyAsync(c).ConfigureAwait(false);
            var name = ContactStore.JsonText(body["name"]) ?? throw SalesmateApiException.Invalid("Name is required.");
            return SalesmateAnswers.Ok(new JsonObject { ["id"] = store.CreateCompany(name) });
        });
        api.MapPost("company/v4/search", async Task<IResult> (HttpContext c) =>
            SalesmateAnswers.Ok(new SearchQuery("Company", await BodyAsync(c).ConfigureAwait(false), c.Request.Query)
                .Answer(store.Companies().Select(x => new JsonObject { ["id"] = x.Id, ["name"] = x.Name }))));

        api.MapGet("core/v4/users", () => SalesmateAnswers.Ok(new JsonArray(store.Users.Select(u => (JsonNode)new JsonObject
        {
            ["id"] = u.Id,
            ["firstName"] = u.FirstName,
            ["lastName"] = u.LastName,
            ["email"] = u.Email,
            ["status"] = "active",
        }).ToArray())));
        api.MapGet("core/v4/fields", (HttpContext c) => c.Request.Query["moduleName"].FirstOrDefault() == "Contact"
            ? SalesmateAnswers.Ok(SalesmateFieldCatalog.Describe())
            : throw SalesmateApiException.Invalid("moduleName must be Contact."));
    }

    /// <summary>A contact id in the path; anything but digits is not a contact.</summary>
    private static int ContactId(string segment) =>
        int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw SalesmateApiException.ObjectNotFound("Contact");

    private static async Task<JsonObject> BodyAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) as JsonObject
                ?? throw SalesmateApiException.Invalid("The request body must be a JSON object.");
        }
        catch (JsonException)
        {
            throw SalesmateApiException.Invalid("The request body is not valid JSON.");
        }
    }
}
