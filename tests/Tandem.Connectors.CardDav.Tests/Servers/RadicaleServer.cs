namespace Tandem.Connectors.CardDav.Tests.Servers;

/// <summary>Radicale (Debian 3.1.x) with htpasswd authentication (plain text, for tests) and filesystem storage.</summary>
public sealed class RadicaleServer : DavTestServer
{
    public override string Name => "Radicale";

    public override string UserName => "alice";

    public override string Password => "wonderland";

    public override bool ChecksPasswords => true;

    protected override string HomePath => "/alice/";

    protected override string Executable => "radicale";

    protected override void Prepare(string root) => File.WriteAllText(Path.Combine(root, "users"), $"{UserName}:{Password}\n");

    protected override IEnumerable<string> Arguments(int port, string root) =>
    [
        "--config", string.Empty,
        "--server-hosts", $"127.0.0.1:{port}",
        "--storage-filesystem-folder", Path.Combine(root, "collections"),
        "--auth-type", "htpasswd",
        "--auth-htpasswd-filename", Path.Combine(root, "users"),
        "--auth-htpasswd-encryption", "plain",
        "--auth-delay", "0",
        "--server-max-connections", "64",
    ];
}
