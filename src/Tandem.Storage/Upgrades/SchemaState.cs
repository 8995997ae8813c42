namespace Tandem.Storage.Upgrades;

/// <summary>How a database's schema compares with this build's migrations.</summary>
/// <param name="Pending">Migrations this build knows that the database has not had yet.</param>
/// <param name="Unknown">Migrations the database has had that this build does not know: a newer Tandem upgraded it.</param>
public sealed record SchemaState(IReadOnlyList<string> Pending, IReadOnlyList<string> Unknown)
{
    /// <summary>Every migration of this build is applied and none besides them.</summary>
    public bool IsCurrent => Pending.Count == 0 && Unknown.Count == 0;
}
