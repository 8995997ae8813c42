namespace Tandem.Runtime.Setup;

/// <summary>A set-up file, read and fully checked by <see cref="SetupFileLoader"/>: accounts and the connections between them.</summary>
/// <param name="Source">Where it was read from, for messages.</param>
/// <param name="Accounts">The accounts, in file order, names unique.</param>
/// <param name="Connections">The connections, in file order, names unique, each naming two accounts of <paramref name="Accounts"/>.</param>
public sealed record SetupFile(string Source, IReadOnlyList<SetupAccount> Accounts, IReadOnlyList<SetupConnection> Connections)
{
    /// <summary>
    /// The internal hosts (names or IP addresses, e.g. a CardDAV server on the LAN) this file's accounts may reach
    /// although they are internal: named one by one, so a file from elsewhere shows exactly what it reaches, and
    /// only a host (the command line) that honours the file's list widens its network policy by them.
    /// </summary>
    public IReadOnlyList<string> AllowedInternalHosts { get; init; } = [];
}
