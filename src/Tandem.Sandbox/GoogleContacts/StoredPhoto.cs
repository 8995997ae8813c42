using System.Security.Cryptography;

namespace Tandem.Sandbox.GoogleContacts;

/// <summary>A contact's photo as Google keeps it: the re-encoded bytes, their type, and the key its URL carries.</summary>
internal sealed record StoredPhoto(byte[] Bytes, string MediaType)
{
    /// <summary>Content-derived, as Google's photo URLs are: a new photo gets a new URL.</summary>
    public string Key { get; } = Convert.ToHexStringLower(SHA256.HashData(Bytes))[..24];
}
