using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace Tandem.Connectors.Catalog.Settings;

/// <summary>The settings properties of one class, read once by reflection and cached.</summary>
internal sealed class SettingsBinder
{
    private static readonly ConcurrentDictionary<Type, SettingsBinder> Binders = new();

    private readonly IReadOnlyList<SettingProperty> properties;

    private SettingsBinder(Type type)
    {
        properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Setting: p.GetCustomAttribute<SettingAttribute>()))
            .Where(p => p.Setting is not null)
            .OrderBy(p => p.Property.MetadataToken)
            .Select(p => Describe(type, p.Property, p.Setting!))
            .ToList();
        var duplicate = properties.GroupBy(p => p.Field.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"{type.Name} declares the setting key '{duplicate.Key}' more than once.");
        }

        Fields = properties.Select(p => p.Field).ToList();
        Labels = new SettingLabels(properties.ToDictionary(p => p.Property.Name, p => p.Field, StringComparer.Ordinal));
    }

    public IReadOnlyList<SettingField> Fields { get; }

    public SettingLabels Labels { get; }

    public static SettingsBinder Of(Type type) => Binders.GetOrAdd(type, t => new SettingsBinder(t));

    public object Parse(AccountSettings settings, object target)
    {
        var problems = new List<string>();
        var unknown = settings.Values.Keys.Where(k => Fields.All(f => f.Key != k)).Order(StringComparer.Ordinal).ToList();
        foreach (var key in unknown)
        {
            // The key is what the caller typed (a set-up file's typo), not a value: safe to repeat.
            problems.Add($"There is no setting '{key}'; the settings are {string.Join(", ", Fields.Select(f => f.Key))}.");
        }

        foreach (var property in properties)
        {
            if (Read(settings, property, out var value) is { } problem)
            {
                problems.Add($"The setting {SettingLabels.Name(property.Field)} {problem}");
            }
            else if (value is not null)
            {
                property.Property.SetValue(target, value);
            }
        }

        if (problems.Count == 0 && target is ISettingsRules rules)
        {
            problems.AddRange(rules.Problems(Labels));
        }

        return problems.Count == 0 ? target : throw new ConnectorSettingsException(string.Join(" ", problems));
    }

    public IReadOnlyDictionary<string, string> Values(object settings)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in properties)
        {
            if (Convert.ToString(property.Property.GetValue(settings), CultureInfo.InvariantCulture) is { Length: > 0 } value)
            {
                values[property.Field.Key] = value;
            }
        }

        return values;
    }

    /// <summary>The property's value (null when not given), or the problem with it.</summary>
    private static string? Read(AccountSettings settings, SettingProperty property, out object? value)
    {
        value = null;
        var text = settings.Get(property.Field.Key)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return property.Field.IsRequired ? "is required." : null;
        }

        if (property.Rule is { } rule)
        {
            var check = rule.Check(text);
            if (check.Problem is { } problem)
            {
                return problem;
            }

            text = check.Value;
        }

        if (property.Property.PropertyType == typeof(Uri))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                return "must be an absolute http:// or https:// address.";
            }

            value = url;
            return null;
        }

        value = text;
        return null;
    }

    private static SettingProperty Describe(Type type, PropertyInfo property, SettingAttribute setting)
    {
        if (property.PropertyType != typeof(string) && property.PropertyType != typeof(Uri))
        {
            throw new InvalidOperationException($"{type.Name}.{property.Name} is a setting of type {property.PropertyType.Name}; settings are strings or URLs.");
        }

        if (property.SetMethod is null)
        {
            throw new InvalidOperationException($"{type.Name}.{property.Name} is a setting without a setter.");
        }

        var field = new SettingField(setting.Key, setting.Label, setting.Help)
        {
            IsSecret = setting.Secret,
            IsRequired = setting.Required,
            IsFilledByConsent = setting.FilledByConsent,
            HasChoices = setting.Choices,
            IsAddress = property.PropertyType == typeof(Uri),
        };
        return new SettingProperty(property, field, property.GetCustomAttribute<SettingRuleAttribute>());
    }
}
