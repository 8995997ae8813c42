using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.Hooks;

/// <summary>
/// A server that knows its public address, so it registers webhooks in the apps. Nothing listens there (the discard
/// port): the Pipedrive sandbox records the webhooks, and its deliveries simply fail.
/// </summary>
public abstract class PublicUrlServer(StoreKind kind) : ServerFixture(kind)
{
    public const string PublicUrl = "http://127.0.0.1:9/tandem/";

    protected override IEnumerable<string> ExtraArguments => [$"--Tandem:PublicUrl={PublicUrl}"];
}

public sealed class SqlitePublicUrlServer() : PublicUrlServer(StoreKind.Sqlite);

public sealed class PostgresPublicUrlServer() : PublicUrlServer(StoreKind.PostgreSql);
