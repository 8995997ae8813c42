namespace Tandem.Connectors.CardDav.Tests.Servers;

/// <summary>Xandikos (Debian 0.2.x): git-backed storage, no authentication of its own (it expects a reverse proxy for that).</summary>
public sealed class XandikosServer : DavTestServer
{
    public override string Name => "Xandikos";

    public override string UserName => "user";

    public override string Password => "unused";

    public override bool ChecksPasswords => false;

    protected override string HomePath => "/user/contacts/";

    protected override string Executable => "xandikos";

    protected override IEnumerable<string> Arguments(int port, string root) =>
        ["--defaults", "-d", Path.Combine(root, "data"), "-l", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)];
}
