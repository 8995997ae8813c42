using Tandem.Storage.Accounts;
using Tandem.Storage.Secrets;
using Tandem.Storage.Tests.TestDatabases;

namespace Tandem.Storage.Tests.Accounts;

public abstract class AccountStoreSuite(ITestDatabaseFactory factory) : StorageSuite(factory)
{
    [Fact]
    public async Task An_account_reads_back_with_its_settings_and_decrypted_secrets()
    {
        await using var fixture = await CreateFixtureAsync();

        var added = await AddAccountAsync(fixture, "pipedrive", ownerId: "team-1");
        var read = await fixture.Accounts.GetAsync(added.Id, Ct);

        Assert.NotNull(read);
        Assert.Matches("^[0-9a-f]{32}$", read.Id);
        Assert.Equal(("team-1", "pipedrive", "pipedrive of Acme", StorageFixture.Start), (read.OwnerId, read.App, read.Name, read.CreatedAt));
        Assert.Equal(new Dictionary<string, string> { ["region"] = "eu" }, read.Settings);
        Assert.Equal(new Dictionary<string, string> { ["api_token"] = PipedriveToken }, read.Secrets);
    }

    [Fact]
    public async Task Secrets_are_stored_encrypted_and_settings_in_clear()
    {
        await using var fixture = await CreateFixtureAsync();
        var added = await AddAccountAsync(fixture, "pipedrive");

        var (settingsJson, secretsEncrypted) = await ReadRawAsync(fixture, added.Id);

        Assert.Equal("""{"region":"eu"}""", settingsJson);
        Assert.DoesNotContain(PipedriveToken, secretsEncrypted, StringComparison.Ordinal);
        Assert.DoesNotContain("api_token", secretsEncrypted, StringComparison.Ordinal);
        Assert.Equal(1, Convert.FromBase64String(secretsEncrypted)[0]);
    }

    [Fact]
    public async Task Updated_secrets_replace_the_old_ones_still_encrypted()
    {
        await using var fixture = await CreateFixtureAsync();
        var added = await AddAccountAsync(fixture, "pipedrive");

        Assert.True(await fixture.Accounts.UpdateSecretsAsync(added.Id, new Dictionary<string, string> { ["api_token"] = "rotated-token-99" }, Ct));

        var read = await fixture.Accounts.GetAsync(added.Id, Ct);
        Assert.Equal("rotated-token-99", read!.Secrets["api_token"]);
        var (_, secretsEncrypted) = await ReadRawAsync(fixture, added.Id);
        Assert.DoesNotContain("rotated-token-99", secretsEncrypted, StringComparison.Ordinal);
        Assert.False(await fixture.Accounts.UpdateSecretsAsync("missing", new Dictionary<string, string>(), Ct));
    }

    [Fact]
    public async Task Updated_settings_and_name_are_kept()
    {
        await using var fixture = await CreateFixtureAsync();
        var added = await AddAccountAsync(fixture, "mailchimp");

        await fixture.Accounts.UpdateSettingsAsync(added.Id, "Newsletter", new Dictionary<string, string> { ["audience"] = "a1b2" }, Ct);

        var read = await fixture.Accounts.GetAsync(added.Id, Ct);
        Assert.Equal("Newsletter", read!.Name);
        Assert.Equal(new Dictionary<string, string> { ["audience"] = "a1b2" }, read.Settings);
        Assert.Equal(PipedriveToken, read.Secrets["api_token"]);
    }

    [Fact]
    public async Task Accounts_are_listed_per_owner_oldest_first()
    {
        await using var fixture = await CreateFixtureAsync();
        var first = await AddAccountAsync(fixture, "pipedrive", ownerId: "team-1");
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var other = await AddAccountAsync(fixture, "pipedrive", ownerId: "team-2");
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await AddAccountAsync(fixture, "woodpecker", ownerId: "team-1");
        var unowned = await AddAccountAsync(fixture, "wooxy");

        Assert.Equal([first.Id, second.Id], (await fixture.Accounts.ListByOwnerAsync("team-1", Ct)).Select(a => a.Id));
        Assert.Equal([other.Id], (await fixture.Accounts.ListByOwnerAsync("team-2", Ct)).Select(a => a.Id));
        Assert.Equal([unowned.Id], (await fixture.Accounts.ListByOwnerAsync(null, Ct)).Select(a => a.Id));
        Assert.Equal(4, (await fixture.Accounts.ListAsync(Ct)).Count);
    }

    [Fact]
    public async Task An_account_used_by_a_connection_cannot_be_removed()
    {
        await using var fixture = await CreateFixtureAsync();
        var connection = await AddConnectionAsync(fixture, "Pipedrive to Google");

        var error = await Assert.ThrowsAsync<AccountInUseException>(() => fixture.Accounts.RemoveAsync(connection.AccountBId, Ct));

        Assert.Equal(
            $"Account {connection.AccountBId} is used by 1 connection(s): 'Pipedrive to Google'. Remove or re-point them before removing the account.",
            error.Message);
        Assert.Equal([connection.Id], error.ConnectionIds);
        Assert.NotNull(await fixture.Accounts.GetAsync(connection.AccountBId, Ct));
    }

    [Fact]
    public async Task An_unused_account_is_removed()
    {
        await using var fixture = await CreateFixtureAsync();
        var connection = await AddConnectionAsync(fixture);
        await fixture.Connections.RemoveAsync(connection.Id, Ct);

        Assert.True(await fixture.Accounts.RemoveAsync(connection.AccountAId, Ct));

        Assert.Null(await fixture.Accounts.GetAsync(connection.AccountAId, Ct));
        Assert.False(await fixture.Accounts.RemoveAsync(connection.AccountAId, Ct));
    }

    [Fact]
    public async Task Reading_secrets_with_another_master_key_fails_with_a_clear_error_that_holds_no_secret()
    {
        await using var fixture = await CreateFixtureAsync();
        var added = await AddAccountAsync(fixture, "pipedrive");
        using var otherKey = new SecretProtector(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var store = new AccountStore(fixture.Database, otherKey, fixture.Time);

        var error = await Assert.ThrowsAsync<SecretDecryptionException>(() => store.GetAsync(added.Id, Ct));

        Assert.Equal(
            $"The secrets of account {added.Id} cannot be decrypted. The stored secrets were encrypted with a different master key. " +
            "Restore the original TANDEM_MASTER_KEY or key file, or authorise the account again.",
            error.Message);
        Assert.DoesNotContain(PipedriveToken, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_moved_onto_another_account_do_not_decrypt()
    {
        await using var fixture = await CreateFixtureAsync();
        var victim = await AddAccountAsync(fixture, "pipedrive");
        var attacker = await AddAccountAsync(fixture, "pipedrive");
        var (_, victimSecrets) = await ReadRawAsync(fixture, victim.Id);
        await using (var context = fixture.Database.CreateDbContext())
        {
            var row = await context.Accounts.FindAsync([attacker.Id], Ct);
            row!.SecretsEncrypted = victimSecrets;
            await context.SaveChangesAsync(Ct);
        }

        var error = await Assert.ThrowsAsync<SecretDecryptionException>(() => fixture.Accounts.GetAsync(attacker.Id, Ct));
        Assert.Contains("failed their integrity check", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Printing_an_account_never_shows_its_secrets()
    {
        await using var fixture = await CreateFixtureAsync();
        var added = await AddAccountAsync(fixture, "pipedrive");

        Assert.DoesNotContain(PipedriveToken, added.ToString(), StringComparison.Ordinal);
        Assert.Contains("Secrets = [redacted]", added.ToString(), StringComparison.Ordinal);
    }

    private static async Task<(string SettingsJson, string SecretsEncrypted)> ReadRawAsync(StorageFixture fixture, string id)
    {
        await using var connection = await fixture.Database.OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT settings_json, secrets_encrypted FROM accounts WHERE id = @c";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@c";
        parameter.Value = id;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        return (reader.GetString(0), reader.GetString(1));
    }
}
