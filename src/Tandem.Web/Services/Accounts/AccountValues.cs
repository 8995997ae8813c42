using Tandem.Connectors.Catalog;
using Tandem.Web.Sandbox;
using Tandem.Web.Services.Errors;

namespace Tandem.Web.Services.Accounts;

/// <summary>
/// Checks the values of an authorisation form against the app's own description of its settings and splits
/// them into settings (stored as they are) and secrets (stored encrypted).
/// </summary>
public static class AccountValues
{
    /// <summary>Settings and secrets in one map, as a connector reads them.</summary>
    public static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> settings, IReadOnlyDictionary<string, string> secrets)
    {
        var values = new Dictionary<string, string>(settings, StringComparer.Ordinal);
        foreach (var (key, value) in secrets)
        {
            values[key] = value;
        }

        return values;
    }

    /// <summary>The checked values split in two.</summary>
    /// <param name="descriptor">The app.</param>
    /// <param name="given">What the form sent (empty values count as not given).</param>
    /// <param name="stored">What the account holds already (re-authorisation), or null.</param>
    /// <param name="sandbox">The app's sandbox when the user asked for it, or null.</param>
    /// <param name="urls">Refuses URLs that point at internal addresses.</param>
    /// <exception cref="InvalidRequestException">A value is unknown, missing or refused; nothing is stored.</exception>
    public static (Dictionary<string, string> Settings, Dictionary<string, string> Secrets) Split(
        ConnectorDescriptor descriptor,
        IReadOnlyDictionary<string, string>? given,
        IReadOnlyDictionary<string, string>? stored,
        HostedSandbox? sandbox,
        UrlGuard urls)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(urls);
        var errors = new List<string>();
        var known = descriptor.Settings.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var key in (given?.Keys ?? []).Where(k => !known.Contains(k)))
        {
            errors.Add($"{descriptor.DisplayName} has no setting '{key}'; its settings are {string.Join(", ", known)}.");
        }

        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in descriptor.Settings)
        {
            var givenValue = Pick(given, field.Key);
            var value = givenValue ?? Pick(stored, field.Key) ?? Pick(sandbox?.Values, field.Key);
            if (value is null)
            {
                if (field.IsRequired)
                {
                    errors.Add($"“{field.Label}” ({field.Key}) is required: {field.Help}");
                }

                continue;
            }

            if (urls.Refuse(value) is { } refusal)
            {
                errors.Add($"“{field.Label}” ({field.Key}) {refusal}");
                continue;
            }

            if (givenValue is not null && urls.RefuseAddress(descriptor, field, givenValue) is { } chosenByServer)
            {
                errors.Add($"“{field.Label}” ({field.Key}) {chosenByServer}");
                continue;
            }

            (field.IsSecret ? secrets : settings)[field.Key] = value;
        }

        InvalidRequestException.ThrowIfAny($"The {descriptor.DisplayName} account cannot be authorised.", errors);
        return (settings, secrets);
    }

    private static string? Pick(IReadOnlyDictionary<string, string>? values, string key) =>
        values is not null && values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
