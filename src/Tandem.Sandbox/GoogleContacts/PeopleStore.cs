using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.GoogleContacts;

/// <summary>
/// The sandbox's address book: contacts, tombstones and groups, with one change sequence that sync tokens
/// point into. Thread-safe: every method runs under one (re-entrant) lock, so batches are atomic.
/// </summary>
internal sealed class PeopleStore
{
    private const string MyContacts = "contactGroups/myContacts";

    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private readonly Dictionary<string, StoredContact> contacts = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, StoredContact> bySequence = [];
    private readonly Dictionary<string, StoredGroup> groups = new(StringComparer.Ordinal);
    private long sequence;
    private long nextContactId = 7_000_000_000_000_000_000;
    private long nextGroupId = 0x3a5f_0000;

    public PeopleStore(TimeProvider time)
    {
        this.time = time;
        foreach (var name in new[] { "myContacts", "starred", "friends", "family", "coworkers" })
        {
            groups["contactGroups/" + name] = new StoredGroup("contactGroups/" + name, name, IsSystem: true) { UpdateTime = time.GetUtcNow() };
        }
    }

    public long Sequence
    {
        get
        {
            lock (gate)
            {
                return sequence;
            }
        }
    }

    public T Atomically<T>(Func<T> action)
    {
        lock (gate)
        {
            return action();
        }
    }

    public int Count => Atomically(() => contacts.Values.Count(c => !c.Deleted));

    public StoredContact Create(JsonObject fields)
    {
        lock (gate)
        {
            CheckMemberships(fields, required: false, held: []);
            if (fields["memberships"] is null)
            {
                fields["memberships"] = new JsonArray(Membership(MyContacts));
            }

            var id = "c" + (++nextContactId).ToString(CultureInfo.InvariantCulture);
            var contact = new StoredContact(id, fields);
            contacts[id] = contact;
            Touch(contact);
            return contact;
        }
    }

    /// <summary>A live contact, or null (unknown or deleted).</summary>
    public StoredContact? Find(string resourceName)
    {
        lock (gate)
        {
            return Live(resourceName);
        }
    }

    /// <summary>Replaces the masked fields of a contact whose etag is <paramref name="claimedEtag"/>.</summary>
    /// <param name="resourceName">The contact.</param>
    /// <param name="claimedEtag">The etag the caller read.</param>
    /// <param name="input">The new values of the masked fields.</param>
    /// <param name="mask">The fields replaced.</param>
    /// <param name="changedElsewhere">The contact changed elsewhere just before (its etag moves).</param>
    /// <param name="byUser">The account's user edits in Google's own app, whose old contacts may still join a deprecated system group.</param>
    public StoredContact Update(string resourceName, string? claimedEtag, JsonObject input, IReadOnlySet<string> mask, bool changedElsewhere, bool byUser = false)
    {
        lock (gate)
        {
            var contact = Live(resourceName) ?? throw GoogleApiException.NotFound();
            if (changedElsewhere)
            {
                Touch(contact);
            }

            if (claimedEtag is null)
            {
                throw GoogleApiException.Invalid("Request must set person.etag or person.metadata.sources.etag so that changes are not lost.");
            }

            if (claimedEtag != contact.Etag)
            {
                throw GoogleErrors.StaleEtag();
            }

            if (mask.Contains("memberships"))
            {
                CheckMemberships(input, required: true, held: byUser ? null : GroupsOf(contact));
            }

            var fields = (JsonObject)contact.Fields.DeepClone();
            foreach (var name in mask)
            {
                fields.Remove(name);
                if (input[name] is { } value)
                {
                    fields[name] = value.DeepClone();
                }
            }

            contact.Fields = fields;
            Touch(contact);
            return contact;
        }
    }

    /// <summary>Sets (re-encoded, as Google does) or removes a contact's photo; the contact changes like any edit.</summary>
    public StoredContact SetPhoto(string resourceName, byte[]? bytes)
    {
        lock (gate)
        {
            var contact = Live(resourceName) ?? throw GoogleApiException.NotFound();
            contact.Photo = bytes is null ? null : PhotoReencoder.Reencode(bytes);
            Touch(contact);
            return contact;
        }
    }

    /// <summary>The photo a photo URL names, or null (unknown contact, or a photo since replaced).</summary>
    public StoredPhoto? Photo(string id, string key)
    {
        lock (gate)
        {
            return contacts.GetValueOrDefault(id) is { Deleted: false, Photo: { } photo } && photo.Key == key ? photo : null;
        }
    }

    /// <summary>
    /// Where photo URLs point: Google serves photos from another host (lh3.googleusercontent.com) without
    /// authentication; the sandbox serves them itself, under the origin its API was last called on.
    /// </summary>
    public string PhotoOrigin { get; set; } = "http://127.0.0.1";

    /// <summary>Links the contact to a Google profile: its items show beside the contact's, and the contact counts as changed.</summary>
    public void LinkProfile(string resourceName, string profileId, JsonObject profileFields)
    {
        lock (gate)
        {
            var contact = Live(resourceName) ?? throw GoogleApiException.NotFound();
            contact.ProfileId = profileId;
            contact.ProfileFields = profileFields;
            Touch(contact);
        }
    }

    public void Delete(string resourceName)
    {
        lock (gate)
        {
            var contact = Live(resourceName) ?? throw GoogleApiException.NotFound();
            contact.Deleted = true;
            contact.Fields = new JsonObject();
            Touch(contact);
        }
    }

    /// <summary>Contacts whose last change lies in (<paramref name="after"/>, <paramref name="upTo"/>], oldest change first.</summary>
    public (List<StoredContact> Items, bool More) Page(long after, long upTo, bool includeDeleted, int size)
    {
        lock (gate)
        {
            var items = new List<StoredContact>(Math.Min(size, 1000));
            foreach (var (seq, contact) in bySequence)
            {
                if (seq <= after || (contact.Deleted && !includeDeleted))
                {
                    continue;
                }

                if (seq > upTo)
                {
                    break;
                }

                if (items.Count == size)
                {
                    return (items, true);
                }

                items.Add(contact);
            }

            return (items, false);
        }
    }

    public int CountBetween(long after, long upTo, bool includeDeleted) =>
        Atomically(() => bySequence.Count(p => p.Key > after && p.Key <= upTo && (includeDeleted || !p.Value.Deleted)));

    public IReadOnlyList<StoredGroup> Groups() => Atomically(() => groups.Values.OrderBy(g => !g.IsSystem).ThenBy(g => g.ResourceName, StringComparer.Ordinal).ToList());

    public StoredGroup? Group(string resourceName) => Atomically(() => groups.GetValueOrDefault(resourceName));

    public List<string> Members(string groupResourceName) => Atomically(() => contacts.Values
        .Where(c => !c.Deleted && GroupsOf(c).Contains(groupResourceName))
        .Select(c => c.ResourceName)
        .ToList());

    public StoredGroup CreateGroup(string name)
    {
        lock (gate)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw GoogleApiException.Invalid("Contact group name must not be empty.");
            }

            if (groups.Values.Any(g => string.Equals(g.Name, name, StringComparison.Ordinal) || string.Equals(g.FormattedName, name, StringComparison.Ordinal)))
            {
                throw new GoogleApiException(409, "ALREADY_EXISTS", "Contact group name already exists.");
            }

            var resourceName = "contactGroups/" + (++nextGroupId).ToString("x", CultureInfo.InvariantCulture);
            var group = new StoredGroup(resourceName, name.Trim(), IsSystem: false) { UpdateTime = time.GetUtcNow() };
            groups[resourceName] = group;
            return group;
        }
    }

    /// <summary>Adds and removes members; returns the names not found and the contacts that would be left in no group.</summary>
    public (List<string> NotFound, List<string> LastGroup) ModifyMembers(string groupResourceName, IEnumerable<string> add, IEnumerable<string> remove)
    {
        lock (gate)
        {
            if (!groups.ContainsKey(groupResourceName))
            {
                throw GoogleApiException.NotFound();
            }

            var notFound = new List<string>();
            var lastGroup = new List<string>();
            if (add.Any() && !groups[groupResourceName].TakesNewMembers)
            {
                throw DeprecatedGroup(groupResourceName);
            }

            foreach (var name in add)
            {
                if (Live(name) is not { } contact)
                {
                    notFound.Add(name);
                }
                else if (!GroupsOf(contact).Contains(groupResourceName))
                {
                    Rewrite(contact, GroupsOf(contact).Append(groupResourceName));
                }
            }

            foreach (var name in remove)
            {
                if (Live(name) is not { } contact)
                {
                    notFound.Add(name);
                    continue;
                }

                var now = GroupsOf(contact);
                if (now.Count == 1 && now[0] == groupResourceName)
                {
                    lastGroup.Add(name);
                }
                else if (now.Contains(groupResourceName))
                {
                    Rewrite(contact, now.Where(g => g != groupResourceName));
                }
            }

            return (notFound, lastGroup);
        }
    }

    // The wording is the sandbox's: Google's documentation gives the rule, not its error.
    private static GoogleApiException DeprecatedGroup(string name) =>
        new(400, "FAILED_PRECONDITION", $"Cannot add contacts to deprecated system contact group \"{name}\".");

    private static JsonObject Membership(string group) =>
        new() { ["contactGroupMembership"] = new JsonObject { ["contactGroupResourceName"] = group } };

    private static List<string> GroupsOf(StoredContact contact) =>
        (contact.Fields["memberships"] as JsonArray ?? [])
            .Select(m => m?["contactGroupMembership"]?["contactGroupResourceName"]?.GetValue<string>())
            .OfType<string>()
            .ToList();

    private void Rewrite(StoredContact contact, IEnumerable<string> groupNames)
    {
        var fields = (JsonObject)contact.Fields.DeepClone();
        fields["memberships"] = new JsonArray(groupNames.Select(g => (JsonNode)Membership(g)).ToArray());
        contact.Fields = fields;
        Touch(contact);
    }

    /// <param name="fields">The memberships asked for.</param>
    /// <param name="required">At least one membership must be given.</param>
    /// <param name="held">The groups the contact is in now, or null when any group may be joined (the user's own app).</param>
    private void CheckMemberships(JsonObject fields, bool required, IReadOnlyList<string>? held)
    {
        var memberships = fields["memberships"] as JsonArray;
        var names = (memberships ?? []).Select(m => m?["contactGroupMembership"]?["contactGroupResourceName"]?.GetValue<string>()).ToList();
        if (required && !names.Any(n => n is not null))
        {
            throw GoogleApiException.Invalid("Updating memberships requires at least one contact group membership.");
        }

        foreach (var name in names)
        {
            if (name is not null && !groups.ContainsKey(name))
            {
                throw GoogleApiException.Invalid($"Contact group \"{name}\" does not exist.");
            }

            // Unverified for people.updateContact: members:modify documents that deprecated system groups take no new
            // members; the sandbox holds memberships written through a person to the same rule.
            if (name is not null && held is not null && !groups[name].TakesNewMembers && !held.Contains(name))
            {
                throw DeprecatedGroup(name);
            }
        }
    }

    private StoredContact? Live(string resourceName) =>
        resourceName.StartsWith("people/", StringComparison.Ordinal) && contacts.TryGetValue(resourceName["people/".Length..], out var c) && !c.Deleted ? c : null;

    private void Touch(StoredContact contact)
    {
        if (contact.Sequence != 0)
        {
            bySequence.Remove(contact.Sequence);
        }

        contact.Sequence = ++sequence;
        contact.Revision++;
        contact.UpdateTime = time.GetUtcNow();
        bySequence[contact.Sequence] = contact;
    }
}
