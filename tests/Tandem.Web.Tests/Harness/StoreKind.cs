namespace Tandem.Web.Tests.Harness;

/// <summary>The database a test server keeps its state in.</summary>
public enum StoreKind
{
    Sqlite,
    PostgreSql,
}
