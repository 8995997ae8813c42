namespace Tandem.Storage.Secrets;

/// <summary>Stored secrets could not be decrypted. The message says why; it never contains secret material.</summary>
public sealed class SecretDecryptionException : Exception
{
    public SecretDecryptionException()
    {
    }

    public SecretDecryptionException(string message)
        : base(message)
    {
    }

    public SecretDecryptionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
