using Tandem.Connectors.Catalog.Settings;

namespace Tandem.Connectors.InMemory;

/// <summary>The settings of an in-memory account, as its form, parser and validator: the name of the app it opens.</summary>
internal sealed class InMemorySettings
{
    /// <summary>The key of the app's name (public through <see cref="InMemoryConnectorFactory.AppSetting"/> for tests and demos).</summary>
    public const string AppKey = "app";

    [Setting(AppKey, "App name", Required = true, Help = "The name of an in-memory app (the demo seeds some; `tandem sandbox` lists them).")]
    public string App { get; init; } = string.Empty;
}
