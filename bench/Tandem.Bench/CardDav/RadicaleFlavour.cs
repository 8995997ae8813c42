namespace Tandem.Bench.CardDav;

/// <summary>
/// Radicale 3 with htpasswd (plain, bench only) and filesystem storage: a book is a folder of <c>.vcf</c> files
/// with <c>.Radicale.props</c>, so seeded cards are simply files in that folder.
/// </summary>
public sealed class RadicaleFlavour : DavFlavour
{
    public override string Name => "Radicale";

    public override string Executable => "radicale";

    public override string UserName => "alice";

    public override string Password => "bench-only";

    public override string BookPath(string book) => $"/{UserName}/{book}/";

    public override string BookFolder(string storage, string book) => Path.Combine(storage, "collections", "collection-root", UserName, book);

    public override void Prepare(string storage) => File.WriteAllText(Path.Combine(storage, "users"), $"{UserName}:{Password}\n");

    public override IEnumerable<string> Arguments(int port, string storage) =>
    [
        "--config", string.Empty,
        "--server-hosts", $"127.0.0.1:{port}",
        "--storage-filesystem-folder", Path.Combine(storage, "collections"),
        "--auth-type", "htpasswd",
        "--auth-htpasswd-filename", Path.Combine(storage, "users"),
        "--auth-htpasswd-encryption", "plain",
        "--auth-delay", "0",
        "--server-max-connections", "64",
        "--logging-level", "warning",
    ];
}
