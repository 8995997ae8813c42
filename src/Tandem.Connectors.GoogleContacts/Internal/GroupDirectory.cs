using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Tandem.Connectors.GoogleContacts.Internal;

/// <summary>
/// The account's contact groups by name, loaded once per connector and grown as Tandem creates groups for tags.
/// Only user groups are tags; system groups (myContacts, starred) are kept on contacts but never shown as tags.
/// </summary>
internal sealed class GroupDirectory
{
    public const string MyContacts = "contactGroups/myContacts";

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
        }

        return directory;
    }

    /// <summary>
    /// True when the person is in a group that may be a user group. System groups have fixed resource names
    /// (<c>contactGroups/myContacts</c>, <c>starred</c>, …); user groups have generated ids.
    /// </summary>
    public static bool NamesUserGroup(JsonObject person) =>
        PersonReader.Items(person, "memberships")
            .Select(m => m["contactGroupMembership"]?["contactGroupResourceName"]?.GetValue<string>())
            .Any(g => g is not null && !SystemGroups.Contains(g));

    public string? UserGroupName(string resourceName) => nameByResource.GetValueOrDefault(resourceName);

    public string? ResourceOf(string name) => resourceByName.GetValueOrDefault(name);

    /// <summary>The resource names of these groups, creating the ones that do not exist yet.</summary>
    public async Task EnsureAsync(IEnumerable<string> names, PeopleClient client, ILogger logger, CancellationToken cancellationToken)
    {
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            if (resourceByName.ContainsKey(name))
            {
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
                if (!resourceByName.ContainsKey(name))
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
