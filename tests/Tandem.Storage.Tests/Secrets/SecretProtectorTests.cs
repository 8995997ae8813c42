using System.Security.Cryptography;
using Tandem.Storage.Secrets;

namespace Tandem.Storage.Tests.Secrets;

public sealed class SecretProtectorTests
{
    private const string Secret = """{"api_token":"pd-secret-token-6f1c93"}""";

    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void A_protected_value_opens_with_the_same_key_and_context()
    {
        using var protector = new SecretProtector(Key);

        var sealedValue = protector.Protect(Secret, "account-1");

        Assert.Equal(Secret, protector.Unprotect(sealedValue, "account-1"));
        Assert.DoesNotContain("pd-secret", sealedValue, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_secret_seals_differently_each_time()
    {
        using var protector = new SecretProtector(Key);

        Assert.NotEqual(protector.Protect(Secret, "account-1"), protector.Protect(Secret, "account-1"));
    }

    [Fact]
    public void The_format_is_version_key_id_nonce_tag_and_ciphertext()
    {
        using var protector = new SecretProtector(Key);

        var bytes = Convert.FromBase64String(protector.Protect("abc", "account-1"));

        Assert.Equal((1, 1 + 4 + 12 + 16 + 3), (bytes[0], bytes.Length));
    }

    [Fact]
    public void Another_key_fails_with_a_clear_error()
    {
        using var writer = new SecretProtector(Key);
        using var reader = new SecretProtector(RandomNumberGenerator.GetBytes(32));

        var error = Assert.Throws<SecretDecryptionException>(() => reader.Unprotect(writer.Protect(Secret, "account-1"), "account-1"));

        Assert.Equal(
            "The stored secrets were encrypted with a different master key. Restore the original TANDEM_MASTER_KEY or key file, or authorise the account again.",
            error.Message);
    }

    [Fact]
    public void An_altered_value_or_another_context_fails_the_integrity_check()
    {
        using var protector = new SecretProtector(Key);
        var bytes = Convert.FromBase64String(protector.Protect(Secret, "account-1"));
        bytes[^1] ^= 1;

        var altered = Assert.Throws<SecretDecryptionException>(() => protector.Unprotect(Convert.ToBase64String(bytes), "account-1"));
        var moved = Assert.Throws<SecretDecryptionException>(() => protector.Unprotect(protector.Protect(Secret, "account-1"), "account-2"));

        const string Message = "The stored secrets failed their integrity check: they were altered or belong to another account.";
        Assert.Equal((Message, Message), (altered.Message, moved.Message));
    }

    [Theory]
    [InlineData("not base64!", "The stored secrets are not valid base64.")]
    [InlineData("AQID", "The stored secrets are truncated.")]
    [InlineData("AgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "The stored secrets use format version 2, which this version of Tandem cannot read.")]
    public void Malformed_values_fail_with_a_clear_error(string value, string message)
    {
        using var protector = new SecretProtector(Key);

        Assert.Equal(message, Assert.Throws<SecretDecryptionException>(() => protector.Unprotect(value, "account-1")).Message);
    }

    [Fact]
    public void One_protector_serves_many_threads_at_once()
    {
        using var protector = new SecretProtector(Key);

        var results = new string[500];
        Parallel.For(0, results.Length, i => results[i] = protector.Unprotect(protector.Protect($"secret-{i}", $"account-{i}"), $"account-{i}"));

        Assert.Equal(Enumerable.Range(0, results.Length).Select(i => $"secret-{i}"), results);
    }

    [Fact]
    public void A_key_of_the_wrong_size_is_refused() =>
        Assert.Equal(
            "The master key must be 256 bits (32 bytes), not 16 bytes.",
            Assert.Throws<MasterKeyException>(() => new SecretProtector(new byte[16])).Message);
}
