using System.Text.Json.Nodes;
using Tandem.Sandbox.Kit.Faults;
using Tandem.Sandbox.Kit.Routing;

namespace Tandem.Sandbox.Wooxy;

/// <summary>
/// The kit's switches plus Wooxy's own: <see cref="StallRequests"/> keeps the next add, update or remove requests pending
/// (their results never come) until <see cref="WooxySandbox.ReleaseStalledRequests"/>.
/// </summary>
public sealed class WooxyFaults : SandboxFaults
{
    private int stalled;

    /// <summary>The next <paramref name="count"/> contact requests are accepted but stay pending until released.</summary>
    public void StallRequests(int count) => Interlocked.Exchange(ref stalled, count);

    public override void Reset()
    {
        base.Reset();
        StallRequests(0);
    }

    /// <summary>Also reads <c>{"stallRequests":2}</c>.</summary>
    public override void Apply(JsonObject switches)
    {
        ArgumentNullException.ThrowIfNull(switches);
        base.Apply(switches);
        if (switches["stallRequests"] is JsonValue value && value.TryGetValue<int>(out var count))
        {
            StallRequests(count);
        }
    }

    internal bool TakeStall() => Take(ref stalled);

    /// <summary>Wooxy's part of the pipeline: the <c>Access-Token</c> header, ten requests at a time, its error envelope.</summary>
    internal static VendorFaults Describe(WooxySandboxOptions options) => new()
    {
        IsAuthorized = context => string.Equals(context.Request.Headers["Access-Token"].ToString(), options.AccessToken, StringComparison.Ordinal),
        Unauthorized = () => Answer(401, "Invalid authorization token!"),
        TooManyRequests = () => Answer(429, "Too many concurrent requests"),
        ServerError = status => Answer(status, "Internal server error"),
        Error = ex => ex is WooxyApiException error ? Answer(error.Status, error.Message) : null,
        MaxConcurrentRequests = options.MaxConcurrentRequests,
    };

    internal static JsonAnswer Answer(int status, string error) =>
        new(status, new JsonObject { ["result"] = false, ["errors"] = new JsonArray(error) }, "application/json");
}
