namespace Tandem.Sandbox.Mailchimp;

/// <summary>One interest (a "group name") of an interest category. Guarded by the store's lock.</summary>
internal sealed class StoredInterest
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public int DisplayOrder { get; set; }
}
