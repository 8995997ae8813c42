using System.Security.Cryptography;
using System.Text;

namespace Tandem.Sandbox.Pipeliner;

/// <summary>Stable UUIDs for the sandbox's entities (fields, options, clients, units, contacts), derived from a name.</summary>
internal static class FieldIds
{
    public static string Of(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("pipeliner:" + name));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
