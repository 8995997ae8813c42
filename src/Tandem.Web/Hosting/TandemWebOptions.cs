using Tandem.Web.Identity.Users;
using Tandem.Web.Telemetry;

namespace Tandem.Web.Hosting;

/// <summary>The server's settings, bound from the <c>Tandem</c> configuration section (appsettings.json, environment, command line).</summary>
public sealed class TandemWebOptions
{
    public const string SectionName = "Tandem";

    /// <summary>The port Kestrel listens on, on 127.0.0.1 only; 0 picks a free one (tests).</summary>
    public int Port { get; set; } = 5080;

    /// <summary>Where the SQLite file, the master key and the sign-in keys live.</summary>
    public string DataFolder { get; set; } = "tandem-data";

    /// <summary>
    /// The database: a SQLite file or a connection string (PostgreSQL with <c>Host=…</c>), as the CLI's
    /// <c>--database</c>; empty means <c>tandem.db</c> in <see cref="DataFolder"/>.
    /// </summary>
    public string? Database { get; set; }

    /// <summary>"sqlite" or "postgresql"; empty infers it from <see cref="Database"/>.</summary>
    public string? DatabaseProvider { get; set; }

    /// <summary>The shortest wait between two runs of a connection while all is well.</summary>
    public int WatchIntervalSeconds { get; set; } = 15;

    /// <summary>
    /// Polls each connection at the pace its apps' cost models set (slower as a vendor's daily budget runs low, a slow
    /// safety net while webhooks are registered), never faster than <see cref="WatchIntervalSeconds"/>; false polls at
    /// that interval whatever it costs (tests that wait for polls).
    /// </summary>
    public bool PaceByCostModel { get; set; } = true;

    /// <summary>The key that signs webhook secrets (base64, 32 bytes); empty keeps one in <see cref="DataFolder"/>.</summary>
    public string? WebhookKey { get; set; }

    /// <summary>
    /// The address at which the apps can reach this Tandem (<c>https://tandem.example.com/</c>), when a proxy puts it on
    /// the internet. Set: starting or resuming a connection registers its webhooks in the apps that allow it
    /// (<c>IWebhookRegistrar</c>), pausing or deleting it removes them. Empty (the default): nothing is registered,
    /// and the connection page tells what to enter in each app by hand.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>Allows account settings that point at loopback or private addresses (the sandbox's are always allowed).</summary>
    public bool AllowInternalUrls { get; set; }

    /// <summary>
    /// Apps left out of the web catalogue: the in-memory app exists for tests and benchmarks only, and a vCard
    /// folder would let any signed-in user read and write the server's own disk.
    /// </summary>
    public List<string> HiddenApps { get; set; } = ["in-memory", "vcard-folder"];

    public SandboxOptions Sandbox { get; set; } = new();

    /// <summary>
    /// Who may sign up: <c>Invitation</c> (after the first user, who becomes the administrator, only people the
    /// administrator invites) or <c>Open</c> (anyone who can reach the server). Left out: open in the sandbox demo (the
    /// README's first command), by invitation otherwise (see <see cref="EffectiveSignUp"/>).
    /// </summary>
    public SignUpMode? SignUp { get; set; }

    /// <summary>The sign-up rule in force: <see cref="SignUp"/>, or open only while the shared sandbox demo runs.</summary>
    public SignUpMode EffectiveSignUp => SignUp ?? (Sandbox.Enabled ? SignUpMode.Open : SignUpMode.Invitation);

    /// <summary>Sign-in and sign-up attempts one client address may make per minute; more are answered 429.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 20;

    /// <summary>Webhook deliveries allowed per minute from one address, and to one connection; more are answered 429.</summary>
    public int WebhookRequestsPerMinute { get; set; } = 600;

    /// <summary>Metrics, traces and the log format; all off by default.</summary>
    public TelemetryOptions Telemetry { get; set; } = new();

    /// <summary>Checks the options; the message names the setting.</summary>
    public void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new InvalidOperationException($"Tandem:Port must be between 0 and 65535, not {Port}.");
        }

        if (WatchIntervalSeconds <= 0)
        {
            throw new InvalidOperationException($"Tandem:WatchIntervalSeconds must be positive, not {WatchIntervalSeconds}.");
        }

        if (string.IsNullOrWhiteSpace(DataFolder))
        {
            throw new InvalidOperationException("Tandem:DataFolder must name a folder.");
        }

        if (SignInAttemptsPerMinute <= 0)
        {
            throw new InvalidOperationException($"Tandem:SignInAttemptsPerMinute must be positive, not {SignInAttemptsPerMinute}.");
        }

        if (WebhookRequestsPerMinute <= 0)
        {
            throw new InvalidOperationException($"Tandem:WebhookRequestsPerMinute must be positive, not {WebhookRequestsPerMinute}.");
        }

        if (PublicBaseUri() is { IsLoopback: false } publicUrl && Sandbox.Enabled)
        {
            // The sandbox apps hold one set of demo data that every user of the server reads and writes.
            throw new InvalidOperationException(
                $"Tandem:Sandbox:Enabled is on, but Tandem:PublicUrl ({publicUrl}) puts this server on a network: the sandbox apps are shared by every user, a demo only. Turn them off with --Tandem:Sandbox:Enabled=false.");
        }

        Sandbox.Validate();
        Telemetry.Validate();
    }

    /// <summary><see cref="PublicUrl"/> as a base address (ending in a slash), or null when it is not set.</summary>
    public Uri? PublicBaseUri()
    {
        if (string.IsNullOrWhiteSpace(PublicUrl))
        {
            return null;
        }

        var text = PublicUrl.Trim();
        if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new InvalidOperationException($"Tandem:PublicUrl must be an http or https address without a query, such as https://tandem.example.com/, not '{PublicUrl}'.");
        }

        return uri;
    }
}
