using Tandem.Storage.Tests.TestDatabases;

namespace Tandem.Storage.Tests.Accounts;

public sealed class AccountStoreOnSqliteTests() : AccountStoreSuite(new SqliteTestDatabaseFactory());
