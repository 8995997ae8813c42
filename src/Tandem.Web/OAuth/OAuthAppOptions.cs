namespace Tandem.Web.OAuth;

/// <summary>
/// The operator's OAuth client registered with one provider (section <c>Tandem:OAuth:{app}</c> for an app whose
/// connector describes a consent page, such as <c>Tandem:OAuth:{app}:ClientId</c>). Left out, an app whose sandbox runs uses the sandbox's demo client.
/// </summary>
public sealed class OAuthAppOptions
{
    public const string SectionName = "Tandem:OAuth";

    public string? ClientId { get; set; }

    /// <summary>Never logged, never shown.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The consent page; empty uses the provider's own.</summary>
    public Uri? AuthorizeUrl { get; set; }

    /// <summary>Where codes are exchanged; empty uses the provider's own.</summary>
    public Uri? TokenUrl { get; set; }
}
