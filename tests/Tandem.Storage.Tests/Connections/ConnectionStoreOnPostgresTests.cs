using Tandem.Storage.Tests.TestDatabases;

namespace Tandem.Storage.Tests.Connections;

public sealed class ConnectionStoreOnPostgresTests() : ConnectionStoreSuite(new PostgresTestDatabaseFactory());
