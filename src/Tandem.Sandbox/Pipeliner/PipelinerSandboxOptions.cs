namespace Tandem.Sandbox.Pipeliner;

/// <summary>How the Pipeliner sandbox behaves: its API access (token, password, space), retention, seed data.</summary>
public sealed record PipelinerSandboxOptions
{
    /// <summary>The API token (HTTP Basic user name), as Administration &gt; Applications &gt; Show API Access shows it.</summary>
    public string ApiToken { get; init; } = "sandbox-pipeliner-api-token";

    /// <summary>The API password (HTTP Basic password).</summary>
    public string ApiPassword { get; init; } = "sandbox-pipeliner-api-password";

    /// <summary>The one space the sandbox serves (<c>/api/v100/rest/spaces/{space_id}/</c>).</summary>
    public string SpaceId { get; init; } = "sandbox-space";

    /// <summary>
    /// Deleted contacts stay readable with <c>include-deleted=true</c> this long, then are purged (an assumption: Pipeliner
    /// documents no purge period; see the README).
    /// </summary>
    public TimeSpan DeletedRetention { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Demo contacts created at start (deterministic for a given seed).</summary>
    public int SeedContacts { get; init; } = 300;

    public int Seed { get; init; } = 20260102;
}
