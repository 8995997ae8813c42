using System.Security.Claims;
using Tandem.Domain.Configuration;
using Tandem.Web.Identity;
using Tandem.Web.Services.Fields;
using Tandem.Web.Services.Mappings;

namespace Tandem.Web.Api;

/// <summary><c>/accounts/{id}/fields</c> and <c>/mappings</c>: the fields of each side and the field-mapping step.</summary>
internal static class FieldsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/accounts/{id}/fields", (string id, ClaimsPrincipal user, FieldService service, CancellationToken ct) =>
                service.GetAsync(Owner.Of(user), id, ct))
            .WithTags("Accounts")
            .WithSummary("The account's fields (standard, custom, compound parts), each with a preview value from a real contact, and the types of field Tandem can create there.");
        api.MapPost("/accounts/{id}/fields", async (string id, CreateFieldRequest request, ClaimsPrincipal user, FieldService service, CancellationToken ct) =>
            {
                var field = await service.CreateAsync(Owner.Of(user), id, request, ct);
                return Results.Created($"{ApiRegistration.Prefix}/accounts/{id}/fields", field);
            })
            .WithTags("Accounts")
            .WithSummary("Create a custom field in the account's app, to map onto at once.")
            .WithDescription("`type` is one of the app's `creatableTypes` (see GET /accounts/{id}/fields); `options` are the choices of a SingleChoice or MultipleChoice field. "
                + "400 when the app cannot create fields, the request is wrong or the app refuses; 409 when a field of that name exists; 404 for an account that is not yours. Nothing is created on any refusal.")
            .Produces<FieldView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        var mappings = api.MapGroup("/mappings").WithTags("Mappings");
        mappings.MapGet("/defaults", (string accountA, string accountB, ClaimsPrincipal user, MappingService service, CancellationToken ct) =>
                service.DefaultsAsync(Owner.Of(user), accountA, accountB, ct))
            .WithSummary("The default mapping rows for two accounts, each with the direction compatibility allows.");
        mappings.MapPost("/check", (MappingCheckRequest request, ClaimsPrincipal user, MappingService service, CancellationToken ct) =>
                service.CheckAsync(Owner.Of(user), request.AccountA, request.AccountB, request.Mappings, ct))
            .WithSummary("Check mapping rows: each gets its effective direction, or the reason it is refused.");
        mappings.MapGet("/compatible", (string accountA, string accountB, Side side, string field, ClaimsPrincipal user, MappingService service, CancellationToken ct) =>
                service.CompatibleAsync(Owner.Of(user), accountA, accountB, side, field, ct))
            .WithSummary("The fields of the other side that a field of `side` can map to, with the directions allowed.");
        mappings.MapPost("/variables", (VariableMatchingRequest request, ClaimsPrincipal user, VariableMatchingService service, CancellationToken ct) =>
                service.CheckAsync(Owner.Of(user), request, ct))
            .WithSummary("Variable matching of a one-way feed: every source field with a preview and its target; `choices` are checked (no choices: the default matches).");
        api.MapGet("/connections/{id}/variables", (string id, ClaimsPrincipal user, VariableMatchingService service, CancellationToken ct) =>
                service.GetAsync(Owner.Of(user), id, ct))
            .WithTags("Mappings")
            .WithSummary("The variable matching table of a one-way connection, both apps' fields read again.");
        api.MapPut("/connections/{id}/variables", (string id, VariableMatchingSave save, ClaimsPrincipal user, VariableMatchingService service, CancellationToken ct) =>
                service.SaveAsync(Owner.Of(user), id, save, ct))
            .WithTags("Mappings")
            .WithSummary("Replace a one-way connection's mappings with these matches; refused as a whole (nothing saved) when two source fields target one field.");
    }
}
