using System.Reflection;

namespace Tandem.Connectors.Catalog.Settings;

/// <summary>One property of a settings class with the form field it declares and its rule, if any.</summary>
internal sealed record SettingProperty(PropertyInfo Property, SettingField Field, SettingRuleAttribute? Rule);
