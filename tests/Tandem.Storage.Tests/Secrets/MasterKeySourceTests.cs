using System.Security.Cryptography;
using Tandem.Storage.Secrets;

namespace Tandem.Storage.Tests.Secrets;

public sealed class MasterKeySourceTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tandem-key-tests", Guid.NewGuid().ToString("N"));

    private string KeyFile => Path.Combine(_folder, "nested", "tandem.key");

    [Fact]
    public void Without_the_environment_variable_a_key_file_is_created_once_and_reused()
    {
        using var first = SecretProtector.FromEnvironmentOrKeyFile(KeyFile, NoEnvironment);
        var sealedValue = first.Protect("secret", "account-1");
        var fileContent = File.ReadAllText(KeyFile);

        using var second = SecretProtector.FromEnvironmentOrKeyFile(KeyFile, NoEnvironment);

        Assert.Equal("secret", second.Unprotect(sealedValue, "account-1"));
        Assert.Equal(fileContent, File.ReadAllText(KeyFile));
        Assert.Equal(32, Convert.FromBase64String(fileContent.Trim()).Length);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(KeyFile)!, "*.tmp"));
    }

    [Fact]
    public void A_created_key_file_is_readable_by_its_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes do not apply on Windows.");
            return;
        }

        using var protector = SecretProtector.FromEnvironmentOrKeyFile(KeyFile, NoEnvironment);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
    }

    [Fact]
    public void The_environment_variable_wins_over_the_key_file()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        using var fromKey = new SecretProtector(key);
        var sealedValue = fromKey.Protect("secret", "account-1");

        using var fromEnvironment = SecretProtector.FromEnvironmentOrKeyFile(KeyFile, Environment(Convert.ToBase64String(key)));

        Assert.Equal("secret", fromEnvironment.Unprotect(sealedValue, "account-1"));
        Assert.False(File.Exists(KeyFile));
    }

    [Theory]
    [InlineData("not-base64-%%%", "The environment variable TANDEM_MASTER_KEY must hold a base64-encoded 256-bit key, but it is not valid base64.")]
    [InlineData("c2hvcnQ=", "The environment variable TANDEM_MASTER_KEY must hold a base64-encoded 256-bit key (32 bytes), not 5 bytes.")]
    public void A_malformed_environment_key_fails_with_a_message_that_does_not_repeat_it(string value, string message)
    {
        var error = Assert.Throws<MasterKeyException>(() => SecretProtector.FromEnvironmentOrKeyFile(KeyFile, Environment(value)));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_malformed_key_file_fails_naming_the_file()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyFile)!);
        File.WriteAllText(KeyFile, "c2hvcnQ=");

        var error = Assert.Throws<MasterKeyException>(() => SecretProtector.FromEnvironmentOrKeyFile(KeyFile, NoEnvironment));

        Assert.Equal($"The master key file '{KeyFile}' must hold a base64-encoded 256-bit key (32 bytes), not 5 bytes.", error.Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static string? NoEnvironment(string name) => null;

    private static Func<string, string?> Environment(string value) =>
        name => name == SecretProtector.EnvironmentVariable ? value : null;
}
