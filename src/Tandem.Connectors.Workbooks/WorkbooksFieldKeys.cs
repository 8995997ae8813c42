namespace Tandem.Connectors.Workbooks;

/// <summary>
/// Keys only Workbooks has. Its standard fields use <see cref="Tandem.Domain.Fields.StandardFieldKeys"/> (first and last
/// name, the read-only full name, the main email, telephone and address, website, employer, job title, and the custom
/// fields titled Birthday and Notes); its other columns keep their Workbooks names as keys (<c>main_location[mobile]</c>,
/// <c>no_email_soliciting</c>, <c>cf_…</c>).
/// </summary>
public static class WorkbooksFieldKeys
{
    /// <summary>The owner: the user or queue a person is assigned to.</summary>
    public const string Owner = "assigned_to";

    public const string Watched = "watched";

    /// <summary>True when the person opted out of emails.</summary>
    public const string NoEmailSoliciting = "no_email_soliciting";

    public const string LeadSource = "lead_source_type";

    public const string MarketingCampaign = "marketing_campaign_name";

    /// <summary>The prefix of custom fields' columns.</summary>
    public const string CustomPrefix = "cf_";

    /// <summary>The home address, whose parts are the <c>home_location[…]</c> columns.</summary>
    public const string HomeAddress = "home_location";
}
