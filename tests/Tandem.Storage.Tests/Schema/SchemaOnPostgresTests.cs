using Tandem.Storage.Tests.TestDatabases;

namespace Tandem.Storage.Tests.Schema;

public sealed class SchemaOnPostgresTests() : SchemaSuite(new PostgresTestDatabaseFactory());
