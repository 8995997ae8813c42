using Tandem.Connectors.Catalog;
using Tandem.Connectors.Catalog.Settings;

namespace Tandem.Connectors.Salesmate;

/// <summary>
/// The settings of one Salesmate account, as its form, parser and validator: the subdomain (the part before
/// <c>.salesmate.io</c>) and the key from My Account → Access / API Key. The current v4 API reads only the session key
/// (sent as <c>accessToken</c>); the legacy trio of access key, secret key and session key the older API took is
/// accepted as it was, and its session key is what v4 needs.
/// </summary>
internal sealed class SalesmateSettings : ISettingsRules
{
    [Setting("linkName", "Salesmate subdomain", Required = true, Help = "The part before .salesmate.io in your Salesmate address, such as 'acme' for acme.salesmate.io.")]
    public string LinkName { get; init; } = string.Empty;

    [Setting("accessToken", "Access token (session key)", Secret = true, Help = "Salesmate > My Account > Access / API Key: the session key. With the legacy keys below, leave it empty and give the session key there.")]
    public string? AccessToken { get; init; }

    [Setting("accessKey", "Legacy access key", Help = "Only if you connect with the legacy key trio: the access key from My Account > Access / API Key.")]
    public string? AccessKey { get; init; }

    [Setting("secretKey", "Legacy secret key", Secret = true, Help = "Only with the legacy key trio: the secret key from the same page.")]
    public string? SecretKey { get; init; }

    [Setting("sessionKey", "Legacy session key", Secret = true, Help = "Only with the legacy key trio: the session key from the same page (the current API takes it as the access token).")]
    public string? SessionKey { get; init; }

    [Setting("ownerId", "Owner of new contacts", Help = "The Salesmate user id that owns contacts Tandem creates (Salesmate requires an owner); leave empty for the account's first active user.")]
    public string? OwnerId { get; init; }

    [Setting("baseUrl", "API base URL", Help = "Leave empty for Salesmate (https://<subdomain>.salesmate.io/); the sandbox prints its own.")]
    public Uri? GivenBaseUrl { get; init; }

    /// <summary>What the v4 API's <c>accessToken</c> header carries: the access token, else the legacy session key.</summary>
    public string Token => AccessToken ?? SessionKey ?? string.Empty;

    /// <summary>The <c>x-linkname</c> header: the account's full host name.</summary>
    public string LinkHost => LinkName.EndsWith(".salesmate.io", StringComparison.OrdinalIgnoreCase) ? LinkName : LinkName + ".salesmate.io";

    /// <summary>Where calls go, ending in a slash.</summary>
    public Uri BaseUrl => GivenBaseUrl is { } url ? (url.AbsolutePath.EndsWith('/') ? url : new Uri(url + "/")) : new Uri($"https://{LinkHost}/");

    /// <summary>Reads and checks the settings; errors name the setting, never its value.</summary>
    public static SalesmateSettings From(AccountSettings settings) => SettingsForm.Parse<SalesmateSettings>(settings);

    public IEnumerable<string> Problems(SettingLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var subdomain = LinkName.EndsWith(".salesmate.io", StringComparison.OrdinalIgnoreCase) ? LinkName[..^".salesmate.io".Length] : LinkName;
        if (subdomain.Length == 0 || !subdomain.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            yield return $"The setting {labels[nameof(LinkName)]} must be your Salesmate subdomain, such as 'acme' for acme.salesmate.io.";
        }

        if (AccessToken is null && SessionKey is null)
        {
            yield return $"Give the setting {labels[nameof(AccessToken)]}, or the legacy settings {labels[nameof(AccessKey)]}, {labels[nameof(SecretKey)]} and {labels[nameof(SessionKey)]}.";
        }
        else if (AccessToken is null && (AccessKey is null || SecretKey is null))
        {
            yield return $"The legacy keys go together: give {labels[nameof(AccessKey)]} and {labels[nameof(SecretKey)]} with {labels[nameof(SessionKey)]}, or only {labels[nameof(AccessToken)]}.";
        }
        else if (AccessToken is not null && SessionKey is not null && !string.Equals(AccessToken, SessionKey, StringComparison.Ordinal))
        {
            yield return $"The settings {labels[nameof(AccessToken)]} and {labels[nameof(SessionKey)]} differ; give one of them (they are the same key).";
        }

        if (OwnerId is not null && !OwnerId.All(char.IsAsciiDigit))
        {
            yield return $"The setting {labels[nameof(OwnerId)]} must be a Salesmate user id (digits only).";
        }
    }
}
