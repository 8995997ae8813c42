namespace Tandem.Sandbox.GoogleContacts;

/// <summary>A contact group: a system group (myContacts, starred, …) or one the user made.</summary>
internal sealed record StoredGroup(string ResourceName, string Name, bool IsSystem)
{
    public int Revision { get; set; }

    public DateTimeOffset UpdateTime { get; set; }

    public string FormattedName => IsSystem ? Name switch
    {
        "myContacts" => "My Contacts",
        "starred" => "Starred",
        "friends" => "Friends",
        "family" => "Family",
        "coworkers" => "Coworkers",
        _ => Name,
    } : Name;

    public string Etag => "Grp" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(ResourceName + "/" + Revision)).TrimEnd('=');
}
