using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tandem.Web.Health;

/// <summary>
/// The body of <c>/healthz</c> and <c>/readyz</c>: the overall status and each check's status and sentence. No
/// exception text, no data: a probe may be open to more eyes than the UI.
/// </summary>
internal static class HealthAnswer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json), context.RequestAborted);
    }
}
