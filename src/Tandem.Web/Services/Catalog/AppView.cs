using System.Text.Json.Serialization;
using Tandem.Connectors.Vocabulary;

namespace Tandem.Web.Services.Catalog;

/// <summary>An app of the catalogue, with the form that authorises an account of it.</summary>
/// <param name="App">The app's key ("vcard-folder").</param>
/// <param name="DisplayName">Its name.</param>
/// <param name="UsesOAuth">Authorisation goes through the provider's consent page.</param>
/// <param name="Settings">The authorisation form, in order.</param>
/// <param name="Capabilities">What it can do.</param>
/// <param name="HasSandbox">A sandbox of this app runs beside the server: <c>useSandbox</c> fills the form.</param>
public sealed record AppView(
    string App,
    string DisplayName,
    bool UsesOAuth,
    IReadOnlyList<SettingFieldView> Settings,
    AppCapabilitiesView Capabilities,
    bool HasSandbox)
{
    /// <summary>Its filters and actions in its own words, as its connector describes them (for the wizard; the API lists the kinds).</summary>
    [JsonIgnore]
    public RuleVocabulary Vocabulary { get; init; } = RuleVocabulary.Standard(new());
}
