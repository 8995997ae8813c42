using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tandem.Sandbox;

namespace Tandem.Connectors.Workbooks.Tests;

/// <summary>A Workbooks whose answers a test scripts: the metadata honestly (no custom fields), people as the test says.</summary>
internal sealed class ScriptedWorkbooks : ISandboxApp
{
    public string App => "workbooks";

    /// <summary>The answer to <c>crm/people.api</c>.</summary>
    public JsonObject People { get; set; } = new() { ["success"] = true, ["total"] = 0, ["data"] = new JsonArray() };

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var body = context.Request.Path == "/crm/people.api"
            ? People
            : new JsonObject { ["success"] = true, ["data"] = new JsonArray(new JsonObject { ["fields"] = new JsonArray() }) };
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
