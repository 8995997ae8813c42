using Tandem.Domain.Configuration;

namespace Tandem.Runtime.Setup;

/// <summary>A connection of a set-up file.</summary>
/// <param name="Name">The name connections are matched by when the file is applied again.</param>
/// <param name="AccountA">The name of side A's account, defined in the same file.</param>
/// <param name="AccountB">The name of side B's account, defined in the same file.</param>
/// <param name="Settings">The settings, in the shape of <see cref="ConnectionSettingsJson"/>.</param>
public sealed record SetupConnection(string Name, string AccountA, string AccountB, ConnectionSettings Settings);
