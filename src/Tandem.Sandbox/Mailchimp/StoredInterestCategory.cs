namespace Tandem.Sandbox.Mailchimp;

/// <summary>
/// One interest category ("group title" in Mailchimp's web app) and its interests ("group names"). The display type
/// (checkboxes, dropdown, radio, hidden) only decides how signup forms show it: the API stores any set of interests.
/// Guarded by the store's lock.
/// </summary>
internal sealed class StoredInterestCategory
{
    public static readonly string[] Types = ["checkboxes", "dropdown", "radio", "hidden"];

    public required string Id { get; init; }

    public required string Title { get; set; }

    public required string Type { get; set; }

    public int DisplayOrder { get; set; }

    public List<StoredInterest> Interests { get; } = [];
}
