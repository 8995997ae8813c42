using System.Security.Cryptography;
using System.Text;

namespace Tandem.Web.Hooks;

/// <summary>
/// The secret of each connection's webhook URL, derived from one server key (so nothing per connection is
/// stored): HMAC-SHA256 of the connection id. The key comes from <c>Tandem:WebhookKey</c>, or a key file in
/// the data folder made on first use. Several processes sharing a database must share the key.
/// </summary>
public sealed class WebhookSecrets
{
    private readonly byte[] key;

    public WebhookSecrets(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new InvalidOperationException("The webhook key must be at least 32 bytes.");
        }

        this.key = key;
    }

    public static WebhookSecrets FromConfigurationOrFile(string? configured, string keyFile)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            try
            {
                return new WebhookSecrets(Convert.FromBase64String(configured.Trim()));
            }
            catch (FormatException)
            {
                throw new InvalidOperationException("Tandem:WebhookKey must be base64 of at least 32 bytes.");
            }
        }

        if (!File.Exists(keyFile))
        {
            var fresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                using var writer = new StreamWriter(keyFile, Encoding.ASCII, options);
                writer.Write(fresh);
            }
            catch (IOException) when (File.Exists(keyFile))
            {
                // Another process made it first; read theirs.
            }
        }

        return new WebhookSecrets(Convert.FromBase64String(File.ReadAllText(keyFile).Trim()));
    }

    /// <summary>The secret of one connection's webhooks (URL-safe).</summary>
    public string For(string connectionId)
    {
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("tandem-webhook|" + connectionId));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
