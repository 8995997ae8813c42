namespace Tandem.Connectors.Mailchimp;

/// <summary>The Mailchimp-only field keys (the shared ones are in <see cref="Domain.Fields.StandardFieldKeys"/>).</summary>
public static class MailchimpFieldKeys
{
    /// <summary>The member's status (subscribed, unsubscribed, cleaned, pending, transactional); read-only.</summary>
    public const string Status = "status";

    /// <summary>Prefix of merge fields that have no standard key, followed by the merge tag ("merge.PLAN").</summary>
    public const string MergePrefix = "merge.";

    /// <summary>
    /// Prefix of interest categories (groups), followed by the category id ("group.1a2b3c4d5e"); the options are the
    /// category's interests by id.
    /// </summary>
    public const string GroupPrefix = "group.";
}
