using Tandem.Connectors.Catalog;

namespace Tandem.Connectors.Pipeliner.Internal;

/// <summary>
/// The user new contacts are owned by and the sales unit synced with, as ids, picked by the user from the space's own
/// lists (<c>entities/Clients</c>, <c>entities/SalesUnits</c>): a setting may name them by id, name or email, and one
/// that names neither says which ones the space has.
/// </summary>
internal sealed record AccountScope(string OwnerId, string? UnitId)
{
    public static AccountScope Resolve(PipelinerSettings settings, SpaceDirectory directory)
    {
        var labels = Catalog.Settings.SettingsForm.Fields<PipelinerSettings>().ToDictionary(f => f.Key, f => f.Label, StringComparer.Ordinal);
        var owner = (settings.OwnerId.Length == 0 ? null : directory.ClientId(settings.OwnerId))
            ?? throw new ConnectorSettingsException($"The setting {labels["ownerId"]} must be one of this space's users: {string.Join(", ", directory.Clients.Values.Order(StringComparer.Ordinal))}.");
        string? unit = null;
        if (settings.SalesUnitId is { } given)
        {
            unit = directory.UnitId(given)
                ?? throw new ConnectorSettingsException($"The setting {labels["salesUnitId"]} must be one of this space's sales units: {string.Join(", ", directory.Units.Values.Order(StringComparer.Ordinal))}.");
        }

        return new AccountScope(owner, unit);
    }
}
