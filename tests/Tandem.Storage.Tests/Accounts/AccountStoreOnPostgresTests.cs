using Tandem.Storage.Tests.TestDatabases;

namespace Tandem.Storage.Tests.Accounts;

public sealed class AccountStoreOnPostgresTests() : AccountStoreSuite(new PostgresTestDatabaseFactory());
