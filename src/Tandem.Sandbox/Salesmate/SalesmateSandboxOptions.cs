namespace Tandem.Sandbox.Salesmate;

/// <summary>How the Salesmate sandbox behaves: the account's link name and keys, its users, seed data.</summary>
public sealed record SalesmateSandboxOptions
{
    /// <summary>The account's subdomain (the part before <c>.salesmate.io</c>); requests name it in <c>x-linkname</c>.</summary>
    public string LinkName { get; init; } = "demo";

    /// <summary>The session key (My Account → Access / API Key), sent by the v4 API as the <c>accessToken</c> header.</summary>
    public string SessionKey { get; init; } = "sandbox-salesmate-session-key";

    /// <summary>The legacy access key the same page shows (only printed: the v4 API does not read it).</summary>
    public string AccessKey { get; init; } = "sandbox-salesmate-access-key";

    /// <summary>The legacy secret key the same page shows (only printed: the v4 API does not read it).</summary>
    public string SecretKey { get; init; } = "sandbox-salesmate-secret-key";

    /// <summary>Demo contacts created at start (deterministic for a given seed).</summary>
    public int SeedContacts { get; init; } = 300;

    public int Seed { get; init; } = 20260301;

    /// <summary>The <c>x-linkname</c> value the account answers to.</summary>
    public string LinkHost => LinkName + ".salesmate.io";
}
