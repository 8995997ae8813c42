using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Pipeliner;

/// <summary>
/// An error the sandbox answers in Pipeliner's shape: <c>{success:false, code, name, message, entity_id, entity_name,
/// entity_errors, field_errors[], step_checklist_errors, entity_index, http_status}</c> (the 422 example of Pipeliner's
/// bulk documentation), or the route error <c>{status, message, errorcode, traceback}</c> for an unknown path.
/// </summary>
public sealed class PipelinerApiException : Exception
{
    public PipelinerApiException(int status, int code, string name, string message)
        : base(message)
    {
        Status = status;
        Code = code;
        Name = name;
    }

    public PipelinerApiException()
        : this(500, 50000, "ERROR_INTERNAL", "Internal server error")
    {
    }

    public PipelinerApiException(string message)
        : this(400, 40000, "ERROR_BAD_REQUEST", message)
    {
    }

    public PipelinerApiException(string message, Exception inner)
        : base(message, inner)
    {
        Status = 400;
        Code = 40000;
        Name = "ERROR_BAD_REQUEST";
    }

    public int Status { get; }

    public int Code { get; }

    public string Name { get; }

    /// <summary>The id of the entity the error is about, when there is one.</summary>
    public string? EntityId { get; init; }

    /// <summary>The position in a batch of the entity the error is about.</summary>
    public int? EntityIndex { get; init; }

    /// <summary>Per-field errors: the field's api name and the message.</summary>
    public IReadOnlyList<(string Field, string Message)> FieldErrors { get; init; } = [];

    /// <summary>True for an unknown path: Pipeliner answers those in its route-error shape.</summary>
    public bool IsRouteError { get; init; }

    public static PipelinerApiException Unauthorized() => new(401, 40100, "ERROR_UNAUTHORIZED", "Unauthorized");

    public static PipelinerApiException RouteNotFound() => new(404, 404, "ERROR_NOT_FOUND", "The requested URL was not found on the server.") { IsRouteError = true };

    public static PipelinerApiException EntityNotFound(string id) =>
        new(404, 40400, "ERROR_ENTITY_NOT_FOUND", $"Entity Contact with id {id} doesn't exist!") { EntityId = id };

    public static PipelinerApiException Validation(string? entityId, int? index, IReadOnlyList<(string Field, string Message)> errors) =>
        new(422, 40000, "ERROR_ENTITY_VALIDATION", string.Concat(errors.Select(e => "\n" + e.Message))) { EntityId = entityId, EntityIndex = index, FieldErrors = errors };

    /// <summary>The body Pipeliner answers with.</summary>
    public JsonObject Body() => IsRouteError
        ? new JsonObject { ["status"] = Status, ["message"] = Message, ["errorcode"] = Code, ["traceback"] = null }
        : new JsonObject
        {
            ["code"] = Code,
            ["name"] = Name,
            ["message"] = Message,
            ["entity_id"] = EntityId,
            ["entity_name"] = "Contact",
            ["entity_errors"] = new JsonArray(),
            ["field_errors"] = new JsonArray(FieldErrors.Select(e => (JsonNode)new JsonObject
            {
                ["field_id"] = FieldIds.Of(e.Field),
                ["field_name"] = e.Field,
                ["name"] = "ERROR_FIELD_VALIDATION",
                ["code"] = 40002,
                ["errors"] = new JsonArray(new JsonObject
                {
                    ["code"] = 100,
                    ["name"] = "ERROR_FIELD_VALUE",
                    ["message"] = e.Message,
                    ["field_id"] = FieldIds.Of(e.Field),
                    ["field_name"] = e.Field,
                }),
            }).ToArray()),
            ["step_checklist_errors"] = new JsonArray(),
            ["entity_index"] = EntityIndex,
            ["http_status"] = Status,
            ["success"] = false,
        };
}
