namespace Tandem.Storage.Upgrades;

/// <summary>
/// The database was upgraded by a newer version of Tandem. This build refuses to open it rather than run over a
/// schema it does not know; the message says what to do.
/// </summary>
public sealed class DatabaseTooNewException : Exception
{
    public DatabaseTooNewException()
    {
    }

    public DatabaseTooNewException(string message)
        : base(message)
    {
    }

    public DatabaseTooNewException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static DatabaseTooNewException For(SchemaState state) => new(
        $"This database was upgraded by a newer version of Tandem (it has the change '{state.Unknown[^1]}', which this version does not know). " +
        "Run the newer version again, or restore the backup made before the upgrade (see docs/operations.md).");
}
