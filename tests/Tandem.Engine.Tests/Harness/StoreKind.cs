namespace Tandem.Engine.Tests.Harness;

/// <summary>The databases the engine's tests run on.</summary>
public enum StoreKind
{
    Sqlite,
    PostgreSql,
}
