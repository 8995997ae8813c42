using System.Security.Cryptography;

namespace Tandem.Storage.Secrets;

/// <summary>
/// Replaces the master key file with a new random key and re-encrypts every stored secret under it. The new key is
/// written beside the old one first (<c>tandem.key.new</c>), the secrets are re-encrypted in one transaction, and only
/// then does the new file replace the old: a failure before the commit leaves the old key and secrets as they were,
/// and a stop between the commit and the rename leaves the new key in <c>tandem.key.new</c> for the operator to move.
/// Run it with the server stopped: a running server keeps the old key in memory.
/// </summary>
public static class KeyFileRotation
{
    /// <summary>Returns how many accounts' secrets were re-encrypted.</summary>
    /// <param name="database">The migrated database.</param>
    /// <param name="keyFilePath">The master key file to replace.</param>
    /// <param name="environment">Reads <c>TANDEM_MASTER_KEY</c>: a key from the environment is refused, as tandem cannot change it.</param>
    /// <param name="cancellationToken">Stops the rotation before its commit.</param>
    /// <exception cref="MasterKeyException">The key comes from the environment, the key file is missing, or a rotation was left half done.</exception>
    public static async Task<int> RotateAsync(TandemDatabase database, string keyFilePath, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrWhiteSpace(environment(SecretProtector.EnvironmentVariable)))
        {
            throw new MasterKeyException(
                $"The master key comes from the environment variable {SecretProtector.EnvironmentVariable}, which tandem cannot change. " +
                "Unset it and put its value in the key file to rotate it here (see docs/operations.md).");
        }

        var path = Path.GetFullPath(keyFilePath);
        if (!File.Exists(path))
        {
            throw new MasterKeyException($"There is no master key file at '{path}' to rotate.");
        }

        var pending = path + ".new";
        if (File.Exists(pending))
        {
            throw new MasterKeyException(
                $"'{pending}' is left from a rotation that did not finish. If the secrets open with it, move it over '{path}'; otherwise delete it. Then rotate again.");
        }

        using var current = SecretProtector.FromEnvironmentOrKeyFile(path, environment);
        var key = RandomNumberGenerator.GetBytes(MasterKeySource.KeySize);
        try
        {
            using var next = new SecretProtector(key);
            WriteOwnerOnly(pending, Convert.ToBase64String(key));
            int count;
            try
            {
                count = await SecretRotation.ReencryptAsync(database, current, next, cancellationToken);
            }
            catch
            {
                File.Delete(pending);
                throw;
            }

            File.Move(pending, path, overwrite: true);
            return count;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static void WriteOwnerOnly(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, options);
        writer.WriteLine(text);
    }
}
