using Tandem.Connectors.Contract;

namespace Tandem.Connectors.Catalog;

/// <summary>
/// <see cref="ICollectionDiscovery"/> for an app whose collection is a setting its connector already lists the values
/// of (<see cref="ISettingChoices"/>: a Workbooks database, a Pipeliner sales unit): the form's list and
/// <c>tandem discover</c> come from the same call.
/// </summary>
public static class SettingChoiceDiscovery
{
    /// <summary>The values of <paramref name="settingKey"/> in the account, as collections named by their labels.</summary>
    public static async Task<IReadOnlyList<DiscoveredCollection>> ListAsync(
        IConnectorFactory factory, string settingKey, AccountSettings settings, ConnectorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var connector = factory.Create(settings, context);
        if (connector is not ISettingChoices choices)
        {
            throw new InvalidOperationException($"The {factory.Descriptor.DisplayName} connector lists no values for the setting {settingKey}.");
        }

        var listed = await choices.ListChoicesAsync(settingKey, cancellationToken).ConfigureAwait(false);
        return [.. listed.Select(c => new DiscoveredCollection(c.Value, c.Label, [], new Dictionary<string, string>()))];
    }
}
