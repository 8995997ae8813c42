using Tandem.Storage.Tests.TestDatabases;

namespace Tandem.Storage.Tests.Schema;

public sealed class SchemaOnSqliteTests() : SchemaSuite(new SqliteTestDatabaseFactory());
