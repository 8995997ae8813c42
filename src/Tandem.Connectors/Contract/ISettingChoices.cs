namespace Tandem.Connectors.Contract;

/// <summary>
/// Implemented by connectors whose account form has settings the user picks from the account's own lists (a sales unit,
/// a database): the connector is opened with the settings given so far and lists the values of one.
/// </summary>
public interface ISettingChoices
{
    /// <summary>
    /// The values the setting <paramref name="settingKey"/> may take in this account, in the app's order. Throws
    /// <see cref="ConnectorException"/> with a sentence for the user when the app cannot be asked (wrong credentials).
    /// </summary>
    Task<IReadOnlyList<SettingChoice>> ListChoicesAsync(string settingKey, CancellationToken cancellationToken);
}
