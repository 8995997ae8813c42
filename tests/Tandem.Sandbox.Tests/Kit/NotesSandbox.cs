using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tandem.Sandbox.Kit.Faults;
using Tandem.Sandbox.Kit.Routing;

namespace Tandem.Sandbox.Tests.Kit;

/// <summary>
/// The smallest vendor built on the kit, for its tests: notes under <c>/api</c> through the fault pipeline, with its own
/// 401, 429 (a <c>Retry-After</c> header and body), 5xx and 404 bodies. A stale version makes a PUT answer 409.
/// </summary>
internal sealed class NotesSandbox : ISandboxApp, IRoutedSandbox
{
    public const string Token = "notes-token";
    private readonly SandboxPipeline standalone;

    public NotesSandbox(TimeProvider time, int maxConcurrentRequests = 0)
    {
        Pipeline = new FaultPipeline(Faults, new VendorFaults
        {
            IsAuthorized = c => c.Request.Headers["x-token"] == Token,
            Unauthorized = () => Error(401, "who are you?"),
            TooManyRequests = () => Error(429, "slow down"),
            ServerError = status => Error(status, "broken"),
            Error = ex => ex is KeyNotFoundException ? Error(404, "no such note") : null,
            MaxConcurrentRequests = maxConcurrentRequests,
            Quota = new RetryAfterQuota(),
        }, time);
        standalone = new SandboxPipeline(this);
    }

    public string App => "notes";

    public SandboxFaults Faults { get; } = new();

    public FaultPipeline Pipeline { get; }

    public ConcurrentDictionary<string, string> Notes { get; } = new(StringComparer.Ordinal);

    public Task HandleAsync(HttpContext context) => standalone.HandleAsync(context);

    public void MapEndpoints(IEndpointRouteBuilder routes)
    {
        FaultSwitchesEndpoint.Map(routes, Faults);
        var api = routes.MapGroup("/api");
        api.AddEndpointFilter(Pipeline);
        api.MapGet("notes/{id}", (string id) => Ok(new JsonObject { ["id"] = id, ["text"] = Notes.TryGetValue(id, out var text) ? text : throw new KeyNotFoundException(id) }));
        api.MapPut("notes/{id}", async Task<IResult> (HttpContext c, string id) =>
        {
            var body = (JsonObject)(await JsonNode.ParseAsync(c.Request.Body, cancellationToken: c.RequestAborted))!;
            if (Faults.TakeStaleVersion())
            {
                return Error(409, "changed elsewhere");
            }

            Notes[id] = body["text"]!.GetValue<string>();
            return Ok(new JsonObject { ["id"] = id, ["text"] = Notes[id] });
        });
        api.Map("{**rest}", IResult () => throw new KeyNotFoundException());
        routes.Map("{**path}", () => Error(404, "not an API path"));
    }

    private static JsonAnswer Ok(JsonObject body) => new(200, body, "application/json");

    private static JsonAnswer Error(int status, string message) => new(status, new JsonObject { ["error"] = message }, "application/vnd.notes.error+json");

    /// <summary>No quota of its own; a storm's 429 names <c>Retry-After: 7</c>.</summary>
    private sealed class RetryAfterQuota : IRequestQuota
    {
        public QuotaVerdict Take(bool storm) => storm ? new QuotaVerdict(false, [new("Retry-After", "7")]) : QuotaVerdict.Granted;
    }
}
