using Tandem.Connectors.Contract;

namespace Tandem.Connectors.Catalog;

/// <summary>
/// Checks that every setting the app lists values for (<see cref="SettingField.HasChoices"/>: a Pipeliner sales unit or
/// owner, a Workbooks database) holds one of them, wherever settings are entered (the web form, the REST API, a set-up
/// file), so a value typed by hand gets the same answer as one picked from the list: a refusal naming the setting and
/// listing what the app offers, by name.
/// </summary>
public static class SettingChoicesCheck
{
    /// <param name="descriptor">The app's form.</param>
    /// <param name="connector">The account's connector, opened with <paramref name="values"/>.</param>
    /// <param name="values">The account's settings and secrets.</param>
    /// <param name="cancellationToken">Stops asking the app.</param>
    /// <exception cref="ConnectorSettingsException">A setting holds a value the app does not offer.</exception>
    public static async Task CheckAsync(ConnectorDescriptor descriptor, IContactConnector connector, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(values);
        if (connector is not ISettingChoices lister)
        {
            return;
        }

        foreach (var field in descriptor.Settings.Where(f => f.HasChoices))
        {
            var given = values.GetValueOrDefault(field.Key)?.Trim();
            if (string.IsNullOrEmpty(given))
            {
                continue;
            }

            var offered = await lister.ListChoicesAsync(field.Key, cancellationToken).ConfigureAwait(false);
            if (offered.Any(c => Same(c.Value, given) || Same(c.Label, given) || c.Aliases.Any(a => Same(a, given))))
            {
                continue;
            }

            throw new ConnectorSettingsException(offered.Count == 0
                ? $"The setting {field.Label} names something {descriptor.DisplayName} does not offer, and {descriptor.DisplayName} lists none to pick from."
                : $"The setting {field.Label} must be one of those {descriptor.DisplayName} offers: {string.Join(", ", offered.Select(c => c.Label))}.");
        }
    }

    private static bool Same(string offered, string given) => string.Equals(offered.Trim(), given, StringComparison.OrdinalIgnoreCase);
}
