namespace Tandem.Sandbox.Pipedrive;

/// <summary>How the Pipedrive sandbox behaves: its API token and OAuth app, burst limit, seed data.</summary>
public sealed record PipedriveSandboxOptions
{
    /// <summary>The one API token the sandbox accepts (header <c>x-api-token</c> or query <c>api_token</c>).</summary>
    public string ApiToken { get; init; } = "sandbox-pipedrive-api-token";

    /// <summary>The demo OAuth app's client id (<c>/oauth/authorize</c>, <c>/oauth/token</c>).</summary>
    public string OAuthClientId { get; init; } = "sandbox-pipedrive-client-id";

    /// <summary>The demo OAuth app's client secret, sent as HTTP Basic with the client id to <c>/oauth/token</c>.</summary>
    public string OAuthClientSecret { get; init; } = "sandbox-pipedrive-client-secret";

    /// <summary>
    /// The demo OAuth app's registered redirect URIs, the only places <c>/oauth/authorize</c> sends a code (on 127.0.0.1
    /// any port, RFC 8252). Tandem's own callback by default.
    /// </summary>
    public IReadOnlyList<Uri> RedirectUris { get; init; } = [new("http://127.0.0.1/accounts/oauth/callback")];

    /// <summary>A refresh token the sandbox accepts from the start, as if the demo company had approved the app.</summary>
    public string DemoRefreshToken { get; init; } = "sandbox-pipedrive-refresh-token";

    /// <summary>How long an OAuth access token works (Pipedrive: about an hour, <c>expires_in</c>).</summary>
    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Requests per rolling 2-second window before 429 (Pipedrive's burst limit); 0 for none.</summary>
    public int BurstLimit { get; init; } = 200;

    /// <summary>
    /// The company's daily token budget, spent at each operation's documented cost, 429 once spent until midnight UTC;
    /// 0 (the default) for none, so long tests and benches are not cut off.
    /// </summary>
    public long DailyTokenBudget { get; init; }

    /// <summary>
    /// The company has the Campaigns (marketing) app, so persons have <c>marketing_status</c>; without it, asking for or
    /// setting the status is refused and the person fields do not list it. Also <see cref="PipedriveSandboxFaults.MarketingApp"/>.
    /// </summary>
    public bool MarketingApp { get; init; } = true;

    /// <summary>Deleted persons are purged for good this long after deletion (Pipedrive: 30 days).</summary>
    public TimeSpan DeletedRetention { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Demo persons created at start (deterministic for a given seed).</summary>
    public int SeedPersons { get; init; } = 300;

    public int Seed { get; init; } = 20260101;

    /// <summary>Person labels (options of the <c>label</c> field) an admin defined; the API adds more (<c>POST /personFields/label_ids/options</c>).</summary>
    public IReadOnlyList<string> Labels { get; init; } = ["Customer", "Hot lead", "Cold lead", "VIP"];
}
