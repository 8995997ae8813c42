namespace Tandem.Sandbox.Woodpecker;

/// <summary>How the Woodpecker sandbox behaves: its API key, the request queue, the snippet labels, seed data.</summary>
public sealed record WoodpeckerSandboxOptions
{
    /// <summary>The one API key the sandbox accepts (header <c>x-api-key</c>, or HTTP Basic with the key as user name).</summary>
    public string ApiKey { get; init; } = "sandbox-woodpecker-api-key";

    /// <summary>Requests that may wait behind the one being processed for a key; any further one is dropped (Woodpecker: 6).</summary>
    public int QueueLength { get; init; } = 6;

    /// <summary>A queued request still waiting after this long is dropped (Woodpecker: 15 seconds).</summary>
    public TimeSpan QueueTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The labels the account gave its snippets (Settings → Snippets), by snippet number; others have none.</summary>
    public IReadOnlyDictionary<int, string> SnippetLabels { get; init; } = new Dictionary<int, string>
    {
        [1] = "Pain point",
        [2] = "Opening line",
    };

    /// <summary>Demo prospects created at start (deterministic for a given seed).</summary>
    public int SeedProspects { get; init; } = 250;

    public int Seed { get; init; } = 20260101;
}
