using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Tandem.Storage.Secrets;

/// <summary>
/// Encrypts account secrets at rest with AES-256-GCM under one master key. A sealed value is base64 of
/// <c>version (1) | key id (4) | nonce (12) | tag (16) | ciphertext</c>; the header and a caller-given
/// context (the account id) are authenticated, so a value copied onto another account does not open.
/// </summary>
public sealed class SecretProtector : IDisposable
{
    /// <summary>The environment variable that may hold the master key, base64.</summary>
    public const string EnvironmentVariable = "TANDEM_MASTER_KEY";

    /// <summary>The usual name of the key file, beside the SQLite file.</summary>
    public const string DefaultKeyFileName = "tandem.key";

    private const byte Version1 = 1;
    private const int KeyIdSize = 4;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 1 + KeyIdSize + NonceSize + TagSize;

    // An AesGcm instance is not safe for concurrent use, and this protector is shared; one is made per call.
    private readonly byte[] _key;
    private readonly uint _keyId;

    /// <summary>Uses <paramref name="masterKey"/> (32 bytes) directly; prefer <see cref="FromEnvironmentOrKeyFile(string)"/>.</summary>
    public SecretProtector(ReadOnlySpan<byte> masterKey)
    {
        if (masterKey.Length != MasterKeySource.KeySize)
        {
            throw new MasterKeyException($"The master key must be {MasterKeySource.KeySize * 8} bits ({MasterKeySource.KeySize} bytes), not {masterKey.Length} bytes.");
        }

        _key = masterKey.ToArray();
        _keyId = KeyIdOf(masterKey);
    }

    /// <summary>
    /// Reads the master key from <c>TANDEM_MASTER_KEY</c>, or else from <paramref name="keyFilePath"/>, creating
    /// that file with a new random key (readable by its owner only) when it does not exist.
    /// </summary>
    /// <exception cref="MasterKeyException">The key found is malformed or the file cannot be read.</exception>
    public static SecretProtector FromEnvironmentOrKeyFile(string keyFilePath) =>
        FromEnvironmentOrKeyFile(keyFilePath, Environment.GetEnvironmentVariable);

    internal static SecretProtector FromEnvironmentOrKeyFile(string keyFilePath, Func<string, string?> environment)
    {
        var key = MasterKeySource.Read(keyFilePath, environment);
        try
        {
            return new SecretProtector(key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Encrypts <paramref name="plaintext"/>, bound to <paramref name="context"/>.</summary>
    public string Protect(string plaintext, string context)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(context);
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[HeaderSize + clear.Length];
        var span = sealedBytes.AsSpan();
        span[0] = Version1;
        BinaryPrimitives.WriteUInt32BigEndian(span.Slice(1, KeyIdSize), _keyId);
        var nonce = span.Slice(1 + KeyIdSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        var tag = span.Slice(1 + KeyIdSize + NonceSize, TagSize);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, clear, span[HeaderSize..], tag, AssociatedData(span, context));
        CryptographicOperations.ZeroMemory(clear);
        return Convert.ToBase64String(sealedBytes);
    }

    /// <summary>Decrypts a value made by <see cref="Protect"/> with the same key and context.</summary>
    /// <exception cref="SecretDecryptionException">Wrong key, altered value, other context or unknown format.</exception>
    public string Unprotect(string protectedText, string context)
    {
        ArgumentNullException.ThrowIfNull(protectedText);
        ArgumentNullException.ThrowIfNull(context);
        var sealedBytes = DecodeOrThrow(protectedText);
        var span = sealedBytes.AsSpan();
        if (BinaryPrimitives.ReadUInt32BigEndian(span.Slice(1, KeyIdSize)) != _keyId)
        {
            throw new SecretDecryptionException(
                "The stored secrets were encrypted with a different master key. Restore the original " +
                $"{EnvironmentVariable} or key file, or authorise the account again.");
        }

        var clear = new byte[span.Length - HeaderSize];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(span.Slice(1 + KeyIdSize, NonceSize), span[HeaderSize..], span.Slice(1 + KeyIdSize + NonceSize, TagSize), clear, AssociatedData(span, context));
            return Encoding.UTF8.GetString(clear);
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new SecretDecryptionException("The stored secrets failed their integrity check: they were altered or belong to another account.", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(clear);
        }
    }

    /// <summary>Wipes the key from memory.</summary>
    public void Dispose() => CryptographicOperations.ZeroMemory(_key);

    private static byte[] DecodeOrThrow(string protectedText)
    {
        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(protectedText);
        }
        catch (FormatException e)
        {
            throw new SecretDecryptionException("The stored secrets are not valid base64.", e);
        }

        if (sealedBytes.Length < HeaderSize)
        {
            throw new SecretDecryptionException("The stored secrets are truncated.");
        }

        return sealedBytes[0] == Version1
            ? sealedBytes
            : throw new SecretDecryptionException($"The stored secrets use format version {sealedBytes[0]}, which this version of Tandem cannot read.");
    }

    private static byte[] AssociatedData(ReadOnlySpan<byte> sealedBytes, string context)
    {
        var header = sealedBytes[..(1 + KeyIdSize)];
        var data = new byte[header.Length + Encoding.UTF8.GetByteCount(context)];
        header.CopyTo(data);
        Encoding.UTF8.GetBytes(context, data.AsSpan(header.Length));
        return data;
    }

    // A short fingerprint of the key, so a wrong key is reported as such rather than as tampering.
    private static uint KeyIdOf(ReadOnlySpan<byte> key)
    {
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(key, "tandem-master-key-id"u8, hash);
        return BinaryPrimitives.ReadUInt32BigEndian(hash);
    }
}
