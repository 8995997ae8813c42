using Tandem.Connectors.Catalog.Settings;

namespace Tandem.Connectors.Tests.Catalog.Settings;

/// <summary>A connector's settings as the binder sees them: one of each kind of setting and a rule across two.</summary>
internal sealed class ExampleSettings : ISettingsRules
{
    [Setting("apiToken", "API token", Required = true, Secret = true, Help = "Profile > API > Your token.")]
    public string ApiToken { get; init; } = string.Empty;

    [Setting("baseUrl", "API base URL", Help = "Leave empty for the app itself.")]
    public Uri? BaseUrl { get; init; }

    [Setting("defaultRegion", "Default phone region", Help = "Such as BE.")]
    [RegionCode]
    public string? DefaultRegion { get; init; }

    [Setting("newMemberStatus", "Status of new members", Help = "subscribed or pending.")]
    [OneOf("subscribed", "pending")]
    public string? NewMemberStatus { get; init; }

    [Setting("refreshToken", "Refresh token", Secret = true, FilledByConsent = true, Help = "Filled in by the consent page.")]
    public string? RefreshToken { get; init; }

    /// <summary>Not a setting: the binder leaves it alone.</summary>
    public string Derived => ApiToken + "!";

    public IEnumerable<string> Problems(SettingLabels labels)
    {
        if (NewMemberStatus == "pending" && RefreshToken is null)
        {
            yield return $"The setting {labels[nameof(NewMemberStatus)]} 'pending' needs the setting {labels[nameof(RefreshToken)]}.";
        }
    }
}
