using Microsoft.Extensions.Options;

namespace Tandem.Storage.Tests;

public sealed class DatabaseOptionsValidatorTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=tandem.db")]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=/var/lib/tandem/tandem.db;Cache=Shared")]
    [InlineData(DatabaseProvider.PostgreSql, "Host=db;Database=tandem;Username=tandem;Password=x")]
    public void Usable_options_pass(DatabaseProvider provider, string connectionString) =>
        Assert.Empty(DatabaseOptionsValidator.Check(new DatabaseOptions { Provider = provider, ConnectionString = connectionString }));

    [Fact]
    public void The_defaults_are_a_sqlite_file_named_tandem_db()
    {
        var options = new DatabaseOptions();

        Assert.Equal((DatabaseProvider.Sqlite, "Data Source=tandem.db"), (options.Provider, options.ConnectionString));
        Assert.Empty(DatabaseOptionsValidator.Check(options));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "", "Database:ConnectionString is required for Sqlite, e.g. \"Data Source=tandem.db\".")]
    [InlineData(DatabaseProvider.PostgreSql, " ", "Database:ConnectionString is required for PostgreSql, e.g. \"Host=localhost;Database=tandem;Username=tandem;Password=...\".")]
    [InlineData(DatabaseProvider.Sqlite, "Host=db;Database=tandem",
        "Database:ConnectionString is not a valid Sqlite connection string (Connection string keyword 'host' is not supported. For a possible alternative, see https://go.microsoft.com/fwlink/?linkid=2142181.). Use \"Data Source=<file>\", or set Database:Provider to PostgreSql for a server.")]
    [InlineData(DatabaseProvider.Sqlite, "Cache=Shared", "Database:ConnectionString for Sqlite must name a file with \"Data Source=<file>\".")]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:", "Database:ConnectionString for Sqlite must name a file, not an in-memory database.")]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=t.db;Mode=Memory", "Database:ConnectionString for Sqlite must name a file, not an in-memory database.")]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=t.db;Mode=ReadOnly", "Database:ConnectionString for Sqlite must not be read-only (Mode=ReadOnly): Tandem writes its state there.")]
    [InlineData(DatabaseProvider.PostgreSql, "Database=tandem", "Database:ConnectionString for PostgreSql must name a server with \"Host=<name>\".")]
    [InlineData((DatabaseProvider)7, "Data Source=t.db", "Database:Provider must be Sqlite or PostgreSql, not '7'.")]
    public void Unusable_options_fail_with_an_exact_message(DatabaseProvider provider, string connectionString, string message)
    {
        var options = new DatabaseOptions { Provider = provider, ConnectionString = connectionString };

        Assert.Equal([message], DatabaseOptionsValidator.Check(options));
        Assert.Equal(message, Assert.Throws<OptionsValidationException>(() => new TandemDatabase(options)).Message);
        Assert.Equal([message], new DatabaseOptionsValidator().Validate(null, options).Failures);
    }

    [Fact]
    public void An_invalid_postgres_connection_string_is_reported_without_its_password()
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = "Host=db;Password=hunter2;Colour=blue" };

        var failure = Assert.Single(DatabaseOptionsValidator.Check(options));

        Assert.StartsWith("Database:ConnectionString is not a valid PostgreSql connection string (", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", failure, StringComparison.Ordinal);
    }
}
