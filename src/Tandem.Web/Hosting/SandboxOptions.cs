namespace Tandem.Web.Hosting;

/// <summary>The sandbox apps hosted beside the server (section <c>Tandem:Sandbox</c>).</summary>
public sealed class SandboxOptions
{
    /// <summary>Starts the sandbox apps on loopback and offers them in the catalogue with their demo credentials.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// The first sandbox app listens on this port, the next on the one after, in the catalogue's order,
    /// as <c>tandem sandbox --base-port</c>. Fixed ports keep stored sandbox accounts working across restarts; 0 picks
    /// free ports (tests).
    /// </summary>
    public int BasePort { get; set; } = 5081;

    public void Validate()
    {
        if (BasePort is < 0 or > 65535)
        {
            throw new InvalidOperationException($"Tandem:Sandbox:BasePort must be between 0 and 65535, not {BasePort}.");
        }
    }
}
