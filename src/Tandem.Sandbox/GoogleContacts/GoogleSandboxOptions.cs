namespace Tandem.Sandbox.GoogleContacts;

/// <summary>How the Google Contacts sandbox behaves: its OAuth client, quota, seed data.</summary>
public sealed record GoogleSandboxOptions
{
    /// <summary>The one OAuth client the sandbox knows.</summary>
    public string ClientId { get; init; } = "tandem-sandbox.apps.googleusercontent.com";

    public string ClientSecret { get; init; } = "sandbox-client-secret";

    /// <summary>
    /// The OAuth client's registered redirect URIs, the only places the consent page sends a code (on 127.0.0.1 any port,
    /// RFC 8252). Tandem's own callback by default.
    /// </summary>
    public IReadOnlyList<Uri> RedirectUris { get; init; } = [new("http://127.0.0.1/accounts/oauth/callback")];

    /// <summary>A refresh token issued to the demo user in advance, so a connector can start without the consent page.</summary>
    public string DemoRefreshToken { get; init; } = "1//sandbox-demo-refresh-token";

    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Sync tokens expire this long after they were issued (Google: 7 days after the full sync).</summary>
    public TimeSpan SyncTokenLifetime { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Requests per user per minute before 429 RESOURCE_EXHAUSTED; 0 for no quota.</summary>
    public int RequestsPerMinute { get; init; } = 600;

    /// <summary>Full-sync first pages allowed per rolling minute (Google's fixed extra quota, size unpublished); 0 for no limit.</summary>
    public int FullSyncsPerMinute { get; init; }

    /// <summary>
    /// Read requests (GET) per user per calendar minute before 429 (Google's "Critical read requests (Contact and Profile
    /// Reads) per minute per user"); 0, the default, for none.
    /// </summary>
    public int ReadRequestsPerMinute { get; init; }

    /// <summary>Write requests (anything but GET) per user per calendar minute before 429; 0, the default, for none.</summary>
    public int WriteRequestsPerMinute { get; init; }

    /// <summary>
    /// How long a change made through the API or by the owner takes to show in <c>connections.list</c> ("writes may have
    /// a propagation delay of several minutes for sync requests"); zero, the default, shows it at once.
    /// </summary>
    public TimeSpan SyncPropagationDelay { get; init; }

    /// <summary>Demo contacts created at start (deterministic for a given seed).</summary>
    public int SeedContacts { get; init; } = 300;

    public int Seed { get; init; } = 20260101;
}
