namespace Tandem.Sandbox.Workbooks;

/// <summary>How the Workbooks sandbox behaves: its API key and demo login, its databases, seed data and retention.</summary>
public sealed record WorkbooksSandboxOptions
{
    /// <summary>The one API key the sandbox accepts (<c>api_key</c> on each request, or at <c>/login.api</c>).</summary>
    public string ApiKey { get; init; } = "sandbox-workbooks-api-key";

    /// <summary>The demo user's login name for <c>/login.api</c> with a password.</summary>
    public string Username { get; init; } = "demo@example.com";

    /// <summary>The demo user's password.</summary>
    public string Password { get; init; } = "sandbox-workbooks-password";

    /// <summary>
    /// The logical databases the demo user may log into with a password (id, name). With more than one, a login that
    /// names none is refused with <c>no_database_selection_made</c>; an API key always selects the first.
    /// </summary>
    public IReadOnlyList<KeyValuePair<int, string>> Databases { get; init; } = [new(3, "Demo Ltd")];

    /// <summary>Demo people created at start (deterministic for a given seed).</summary>
    public int SeedPeople { get; init; } = 300;

    public int Seed { get; init; } = 20261207;

    /// <summary>
    /// Soft-deleted people are purged for good this long after deletion. Workbooks documents no retention; the sandbox
    /// takes 30 days (see the README).
    /// </summary>
    public TimeSpan DeletedRetention { get; init; } = TimeSpan.FromDays(30);
}
