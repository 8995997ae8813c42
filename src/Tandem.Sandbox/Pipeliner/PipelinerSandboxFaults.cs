using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Pipeliner;

/// <summary>
/// The Pipeliner sandbox's fault switches: every sandbox's (<see cref="SandboxFaults"/>), plus contact list pages that
/// arrive malformed (without their <c>page_info</c>, as a proxy or a broken deployment might send them). Set from tests
/// or <c>POST /_sandbox/faults</c> (<c>"malformedPages"</c>).
/// </summary>
public sealed class PipelinerSandboxFaults : SandboxFaults
{
    private int malformedPages;

    /// <summary>The next <paramref name="count"/> answers of <c>GET entities/Contacts</c> leave out <c>page_info</c>.</summary>
    public void MalformedPages(int count) => Interlocked.Exchange(ref malformedPages, count);

    public override void Reset()
    {
        base.Reset();
        MalformedPages(0);
    }

    public override void Apply(JsonObject switches)
    {
        base.Apply(switches);
        Count(switches, "malformedPages", MalformedPages);
    }

    internal bool TakeMalformedPage() => Take(ref malformedPages);
}
