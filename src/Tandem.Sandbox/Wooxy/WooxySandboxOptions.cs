namespace Tandem.Sandbox.Wooxy;

/// <summary>The Wooxy sandbox's demo account, its limits and how long a contact request stays pending.</summary>
public sealed record WooxySandboxOptions
{
    /// <summary>The demo account's API access token (sent as the <c>Access-Token</c> header).</summary>
    public string AccessToken { get; init; } = "wooxy-demo-access-token";

    /// <summary>The demo account's verified sending domain.</summary>
    public string Domain { get; init; } = "demo.example.com";

    /// <summary>How long an add, update or remove request is pending before its per-contact results are known (on the sandbox's clock).</summary>
    public TimeSpan ProcessingDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Simultaneous requests per token (the documentation: "Do not send more than 10 concurrent API requests").</summary>
    public int MaxConcurrentRequests { get; init; } = 10;

    /// <summary>Records per add, update or remove request and ids per <c>request/find</c>.</summary>
    public int MaxRecordsPerTransaction { get; init; } = 100;

    /// <summary>Demo contacts seeded into the Default Contact List.</summary>
    public int SeedContacts { get; init; } = 12;
}
