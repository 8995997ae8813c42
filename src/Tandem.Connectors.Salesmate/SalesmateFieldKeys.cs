namespace Tandem.Connectors.Salesmate;

/// <summary>The Salesmate-only field keys (the shared ones are in <see cref="Domain.Fields.StandardFieldKeys"/>).</summary>
public static class SalesmateFieldKeys
{
    /// <summary>The contact's owner (<c>owner</c>), a Salesmate user id.</summary>
    public const string Owner = "owner";

    /// <summary>The contact's currency (<c>currency</c>), an ISO code such as EUR.</summary>
    public const string Currency = "currency";

    /// <summary>Social handles: <c>linkedInHandle</c>, <c>twitterHandle</c>, <c>facebookHandle</c>, <c>skypeId</c>.</summary>
    public const string LinkedIn = "social.linkedin";

    public const string Twitter = "social.twitter";

    public const string Facebook = "social.facebook";

    public const string Skype = "social.skype";

    /// <summary>Prefix of custom fields, followed by the field's API name (<c>textCustomField1</c>).</summary>
    public const string CustomPrefix = "custom.";
}
