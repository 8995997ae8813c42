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

    /// <summary>
    /// False for the deprecated system groups (friends, family, coworkers): "the only system contact groups that can have
    /// members added are contactGroups/myContacts and contactGroups/starred. Other system contact groups are deprecated
    /// and can only have contacts removed" (contactGroups.members.modify).
    /// </summary>
    public bool TakesNewMembers => !IsSystem || Name is "myContacts" or "starred";

    public string Etag => "Grp" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(ResourceName + "/" + Revision)).TrimEnd('=');
}
