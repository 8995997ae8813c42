using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Pipedrive;

/// <summary>
/// The Pipedrive sandbox's fault switches: every sandbox's (<see cref="SandboxFaults"/>), plus the reset a storm's 429s
/// name. Set from tests or <c>POST /_sandbox/faults</c> (<c>"stormResetSeconds"</c>).
/// </summary>
public sealed class PipedriveSandboxFaults : SandboxFaults
{
    /// <summary>Seconds named in <c>x-ratelimit-reset</c> on a storm's 429s.</summary>
    public int StormResetSeconds { get; set; } = 1;

    public override void Apply(JsonObject switches)
    {
        base.Apply(switches);
        if (switches["stormResetSeconds"]?.GetValue<int>() is { } seconds)
        {
            StormResetSeconds = seconds;
        }
    }
}
