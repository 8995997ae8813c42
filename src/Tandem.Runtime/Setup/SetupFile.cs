namespace Tandem.Runtime.Setup;

/// <summary>A set-up file, read and fully checked by <see cref="SetupFileLoader"/>: accounts and the connections between them.</summary>
/// <param name="Source">Where it was read from, for messages.</param>
/// <param name="Accounts">The accounts, in file order, names unique.</param>
/// <param name="Connections">The connections, in file order, names unique, each naming two accounts of <paramref name="Accounts"/>.</param>
public sealed record SetupFile(string Source, IReadOnlyList<SetupAccount> Accounts, IReadOnlyList<SetupConnection> Connections);
