using System.Security.Cryptography;

namespace Tandem.Storage.Secrets;

/// <summary>Finds the master key: the environment variable first, otherwise a key file made on first use.</summary>
internal static class MasterKeySource
{
    public const int KeySize = 32;

    public static byte[] Read(string keyFilePath, Func<string, string?> environment)
    {
        var fromEnvironment = environment(SecretProtector.EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Decode(fromEnvironment, $"The environment variable {SecretProtector.EnvironmentVariable}");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(keyFilePath);
        var path = Path.GetFullPath(keyFilePath);
        if (!File.Exists(path))
        {
            CreateKeyFile(path);
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MasterKeyException($"The master key file '{path}' cannot be read: {e.Message}", e);
        }

        return Decode(text, $"The master key file '{path}'");
    }

    private static byte[] Decode(string base64, string where)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new MasterKeyException($"{where} must hold a base64-encoded {KeySize * 8}-bit key, but it is not valid base64.");
        }

        if (key.Length != KeySize)
        {
            CryptographicOperations.ZeroMemory(key);
            throw new MasterKeyException($"{where} must hold a base64-encoded {KeySize * 8}-bit key ({KeySize} bytes), not {key.Length} bytes.");
        }

        return key;
    }

    private static void CreateKeyFile(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Written aside then moved in without overwrite: two processes starting together agree on one key,
        // and no reader ever sees a half-written file.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var key = RandomNumberGenerator.GetBytes(KeySize);
        try
        {
            using (var writer = new StreamWriter(temporary, options))
            {
                writer.WriteLine(Convert.ToBase64String(key));
            }

            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process won the race; its key is the key.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MasterKeyException($"The master key file '{path}' cannot be created: {e.Message}", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            File.Delete(temporary);
        }
    }
}
