using Tandem.Storage.Tests.TestDatabases;

namespace Tandem.Storage.Tests.Connections;

public sealed class ConnectionStoreOnSqliteTests() : ConnectionStoreSuite(new SqliteTestDatabaseFactory());
