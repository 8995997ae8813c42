using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Tandem.Connectors.GoogleContacts.Internal;

/// <summary>
/// The account's contact groups by name, loaded once per connector and grown as Tandem creates groups for tags.
/// User groups are tags, and so are the old system groups friends, family and coworkers, by the name Google shows
/// (their <c>formattedName</c>: "Friends", "Family", "Coworkers"). Those take no new members ("other system contact groups
/// are deprecated and can only have contacts removed", contactGroups.members.modify), so such a tag is removed from a
/// contact but never added. My Contacts and Starred are kept on contacts but are no tags.
/// </summary>
internal sealed class GroupDirectory
{
    public const string MyContacts = "contactGroups/myContacts";

    // The names Google shows in English, for an answer without formattedName (it is translated to the account's locale).
    private static readonly Dictionary<string, string> RemovalOnly = new(StringComparer.Ordinal)
    {
        ["contactGroups/friends"] = "Friends",
        ["contactGroups/family"] = "Family",
        ["contactGroups/coworkers"] = "Coworkers",
    };

    private static readonly HashSet<string> SystemGroups = new(
        new[] { "myContacts", "starred", "friends", "family", "coworkers", "chatBuddies", "all", "blocked" }.Select(g => "contactGroups/" + g),
        StringComparer.Ordinal);

    /// <summary>A directory with no user groups, for reading persons that are in none.</summary>
    public static readonly GroupDirectory Empty = new();

    private readonly Dictionary<string, string> nameByResource = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> resourceByName = new(StringComparer.Ordinal);

    public static async Task<GroupDirectory> LoadAsync(PeopleClient client, CancellationToken cancellationToken)
    {
        var directory = new GroupDirectory();
        var response = await client.ListGroupsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var group in PersonReader.Items(response, "contactGroups"))
        {
            if (group["groupType"]?.GetValue<string>() == "USER_CONTACT_GROUP" && PersonReader.Text(group, "resourceName") is { } rn && PersonReader.Text(group, "name") is { } name)
            {
                directory.Add(rn, name);
            }
            else if (PersonReader.Text(group, "resourceName") is { } system && RemovalOnly.TryGetValue(system, out var english))
            {
                directory.Add(system, PersonReader.Text(group, "formattedName") ?? english);
            }
        }

        return directory;
    }

    /// <summary>
    /// True when the person is in a group that may be a tag: a user group or an old system group (Friends, …). System
    /// groups have fixed resource names (<c>contactGroups/myContacts</c>, <c>starred</c>, …); user groups have generated ids.
    /// </summary>
    public static bool NamesUserGroup(JsonObject person) =>
        PersonReader.Items(person, "memberships")
            .Select(m => m["contactGroupMembership"]?["contactGroupResourceName"]?.GetValue<string>())
            .Any(g => g is not null && (!SystemGroups.Contains(g) || RemovalOnly.ContainsKey(g)));

    /// <summary>The tag a group stands for: a user group's name or an old system group's shown name; null for other groups.</summary>
    public string? UserGroupName(string resourceName) => nameByResource.GetValueOrDefault(resourceName);

    /// <summary>The group a tag is removed from.</summary>
    public string? ResourceOf(string name) => resourceByName.GetValueOrDefault(name);

    /// <summary>The group a tag is added to, or null when it has none or its group takes no new members (Friends, …).</summary>
    public string? AddableResourceOf(string name) => ResourceOf(name) is { } resource && !RemovalOnly.ContainsKey(resource) ? resource : null;

    /// <summary>The resource names of these groups, creating the ones that do not exist yet.</summary>
    public async Task EnsureAsync(IEnumerable<string> names, PeopleClient client, ILogger logger, CancellationToken cancellationToken)
    {
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            if (resourceByName.TryGetValue(name, out var known))
            {
                if (RemovalOnly.ContainsKey(known))
                {
                    // Friends, Family, Coworkers: Google's old system groups take no new members; the tag is left out.
                    GoogleContactsLog.GroupNameTaken(logger);
                }

                continue;
            }

            JsonObject created;
            try
            {
                created = await client.CreateGroupAsync(name, cancellationToken).ConfigureAwait(false);
            }
            catch (PeopleApiException ex) when (ex.Code == 409)
            {
                // The name is taken: by a group another client made since the directory was loaded (then it is used), or
                // by a system group's display name ("Friends", "Family"), which is no tag: the tag is left out of the write.
                await AdoptAsync(name, client, cancellationToken).ConfigureAwait(false);
                if (AddableResourceOf(name) is null)
                {
                    GoogleContactsLog.GroupNameTaken(logger);
                }

                continue;
            }

            var resource = PersonReader.Text(created, "resourceName") ?? throw new PeopleApiException("Google created a contact group without a resourceName.");
            Add(resource, name);
            GoogleContactsLog.GroupCreated(logger, resource);
        }
    }

    private async Task AdoptAsync(string name, PeopleClient client, CancellationToken cancellationToken)
    {
        var fresh = await LoadAsync(client, cancellationToken).ConfigureAwait(false);
        if (fresh.ResourceOf(name) is { } resource)
        {
            Add(resource, name);
        }
    }

    private void Add(string resourceName, string name)
    {
        nameByResource[resourceName] = name;
        resourceByName.TryAdd(name, resourceName);
    }

    internal static JsonObject Membership(string groupResourceName) =>
        new() { ["contactGroupMembership"] = new JsonObject { ["contactGroupResourceName"] = groupResourceName } };
}
