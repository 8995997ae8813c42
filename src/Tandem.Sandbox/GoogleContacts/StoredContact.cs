using System.Text;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.GoogleContacts;

/// <summary>One contact as the sandbox keeps it: its writable fields (no metadata), change sequence and revision.</summary>
internal sealed class StoredContact
{
    public StoredContact(string id, JsonObject fields)
    {
        Id = id;
        Fields = fields;
    }

    /// <summary>The id after <c>people/</c> (c followed by digits, as Google's contact ids are).</summary>
    public string Id { get; }

    public string ResourceName => "people/" + Id;

    public JsonObject Fields { get; set; }

    /// <summary>The store-wide change sequence of the last change; sync tokens are positions in it.</summary>
    public long Sequence { get; set; }

    public int Revision { get; set; }

    /// <summary>The photo the contact's owner or a client set (updateContactPhoto); null shows Google's default picture.</summary>
    public StoredPhoto? Photo { get; set; }

    public bool Deleted { get; set; }

    /// <summary>
    /// The Google profile a verified email or phone linked the contact to (its id), or null: reads then answer the
    /// profile's items beside the contact's unless they ask for contact data only.
    /// </summary>
    public string? ProfileId { get; set; }

    /// <summary>The linked profile's items (names, emailAddresses…), read-only: the contact's owner cannot edit them.</summary>
    public JsonObject? ProfileFields { get; set; }

    public DateTimeOffset UpdateTime { get; set; }

    /// <summary>
    /// From when listings show the contact at all: its creation (under this resource name) plus the propagation delay
    /// in force then.
    /// </summary>
    public DateTimeOffset ListedSince { get; set; }

    /// <summary>From when sync results show the contact's last change: the change's time plus the propagation delay in force then.</summary>
    public DateTimeOffset ChangeListedSince { get; set; }

    /// <summary>
    /// The resource names the contact had before (oldest first): linking it to a profile by a verified email or phone can
    /// give it a new one. Answered as <c>metadata.previousResourceNames</c> in sync results only.
    /// </summary>
    public List<string> PreviousResourceNames { get; init; } = [];

    public string Etag => "%EgUBAgMFByIM" + Convert.ToBase64String(Encoding.UTF8.GetBytes(Id + "/" + Revision)).TrimEnd('=');
}
