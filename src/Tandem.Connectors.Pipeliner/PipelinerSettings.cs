using Tandem.Connectors.Catalog;
using Tandem.Connectors.Catalog.Settings;

namespace Tandem.Connectors.Pipeliner;

/// <summary>
/// The settings of one Pipeliner space, as its form, parser and validator: the API access Pipeliner shows under
/// "Show API Access" (token, password, space id, service URL of the region), the user new contacts are owned by, and the
/// sales unit synced with.
/// </summary>
internal sealed class PipelinerSettings : ISettingsRules
{
    public static readonly Uri DefaultServiceUrl = new("https://us-east.api.pipelinersales.com/");

    private const string ApiAccess = "Pipeliner (web app, not the desktop app) > Administration > Unit, Users & Roles > Applications > your application > Show API Access.";

    [Setting("apiToken", "API token", Required = true, Help = ApiAccess)]
    public string ApiToken { get; init; } = string.Empty;

    [Setting("apiPassword", "API password", Required = true, Secret = true, Help = "Shown with the API token under Show API Access.")]
    public string ApiPassword { get; init; } = string.Empty;

    [Setting("spaceId", "Space ID", Required = true, Help = "Shown with the API token under Show API Access.")]
    public string SpaceId { get; init; } = string.Empty;

    [Setting("serviceUrl", "Service URL", Help = "Shown under Show API Access: your region's address, such as https://us-east.api.pipelinersales.com or https://eu-central.api.pipelinersales.com (the default is us-east); the sandbox prints its own.")]
    public Uri? GivenServiceUrl { get; init; }

    [Setting("ownerId", "Your Pipeliner user", Choices = true, Help = "Pick yourself from the space's users (or give your name, sign-in email or user id): contacts Tandem creates are owned by you, as Pipeliner requires an owner.")]
    public string OwnerId { get; init; } = string.Empty;

    [Setting("salesUnitId", "Sales unit", Choices = true, Help = "Pick the sales unit to sync with from the space's own (or give its name or id): only its contacts are read, and new contacts are created in it. Leave empty for the whole space.")]
    public string? SalesUnitId { get; init; }

    [Setting("defaultRegion", "Default phone region", Help = "The two-letter country code (such as BE or US) of phone numbers written without a country code.")]
    [RegionCode]
    public string? DefaultRegion { get; init; }

    /// <summary>The space's REST address: <c>{service URL}/api/v100/rest/spaces/{space id}/</c>.</summary>
    public Uri SpaceUrl
    {
        get
        {
            var service = GivenServiceUrl ?? DefaultServiceUrl;
            var root = service.AbsolutePath.EndsWith('/') ? service : new Uri(service + "/");
            return new Uri(root, $"api/v100/rest/spaces/{Uri.EscapeDataString(SpaceId)}/");
        }
    }

    /// <summary>Reads and checks the settings; errors name the setting, never its value.</summary>
    public static PipelinerSettings From(AccountSettings settings) => SettingsForm.Parse<PipelinerSettings>(settings);

    public IEnumerable<string> Problems(SettingLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (GivenServiceUrl is { } url && url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
        {
            yield return $"The setting {labels[nameof(GivenServiceUrl)]} must be a web address, such as https://eu-central.api.pipelinersales.com.";
        }

        if (SpaceId.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            yield return $"The setting {labels[nameof(SpaceId)]} must be the space's id as Show API Access shows it.";
        }
    }
}
