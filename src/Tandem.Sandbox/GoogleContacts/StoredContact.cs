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

    public string Etag => "%EgUBAgMFByIM" + Convert.ToBase64String(Encoding.UTF8.GetBytes(Id + "/" + Revision)).TrimEnd('=');
}
