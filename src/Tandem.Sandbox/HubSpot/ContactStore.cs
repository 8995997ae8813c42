using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.HubSpot;

/// <summary>
/// The portal's contacts: unique emails (a second contact with an email in use is a 409 naming the existing id),
/// archived contacts kept apart (listed with <c>archived=true</c>), merges (the secondary id then answers as the
/// survivor), and every write stamping <c>lastmodifieddate</c> in milliseconds on the sandbox's clock.
/// </summary>
internal sealed class ContactStore
{
    /// <summary>What HubSpot answers without a <c>properties</c> parameter.</summary>
    public static readonly string[] DefaultProperties = ["createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname"];

    private readonly Lock gate = new();
    private readonly SortedDictionary<long, StoredContact> contacts = [];
    private readonly Dictionary<long, long> mergedInto = [];
    private readonly TimeProvider time;
    private long nextId = 1001;

    public ContactStore(TimeProvider time)
    {
        this.time = time;
    }

    /// <summary>Hears every change after seeding (webhooks).</summary>
    public Action<ContactChange>? Changed { get; set; }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return contacts.Values.Count(c => c.ArchivedAt is null);
            }
        }
    }

    public DateTimeOffset Now => DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());

    public T Atomically<T>(Func<T> action)
    {
        lock (gate)
        {
            return action();
        }
    }

    public StoredContact Create(IReadOnlyDictionary<string, string> properties, DateTimeOffset? at = null)
    {
        lock (gate)
        {
            RefuseTakenEmail(properties.GetValueOrDefault("email"), null);
            var contact = new StoredContact(nextId++, at ?? Now);
            Apply(contact, properties);
            contacts[contact.Id] = contact;
            Raise(new ContactChange("contact.creation", contact.Id, contact.UpdatedAt));
            return contact;
        }
    }

    public StoredContact Update(long id, IReadOnlyDictionary<string, string> properties)
    {
        lock (gate)
        {
            var contact = Live(id) ?? throw HubSpotApiException.NotFound();
            RefuseTakenEmail(properties.GetValueOrDefault("email"), contact.Id);
            var before = new Dictionary<string, string>(contact.Properties, StringComparer.Ordinal);
            Apply(contact, properties);
            contact.UpdatedAt = Now;
            foreach (var (name, value) in properties.Where(p => before.GetValueOrDefault(p.Key, string.Empty) != p.Value))
            {
                Raise(new ContactChange("contact.propertyChange", contact.Id, contact.UpdatedAt) { PropertyName = name, PropertyValue = value });
            }

            return contact;
        }
    }

    /// <summary>Sets a property only HubSpot sets (an opt-out), as a change of the contact.</summary>
    public void SetByHubSpot(long id, string name, string value)
    {
        lock (gate)
        {
            if (Live(id) is { } contact && contact.Properties.GetValueOrDefault(name) != value)
            {
                contact.Properties[name] = value;
                contact.UpdatedAt = Now;
                Raise(new ContactChange("contact.propertyChange", contact.Id, contact.UpdatedAt) { PropertyName = name, PropertyValue = value });
            }
        }
    }

    /// <summary>Archives a live contact; true when it was live.</summary>
    public bool Archive(long id)
    {
        lock (gate)
        {
            if (Live(id) is not { } contact)
            {
                return false;
            }

            contact.ArchivedAt = Now;
            Raise(new ContactChange("contact.deletion", contact.Id, contact.ArchivedAt.Value));
            return true;
        }
    }

    /// <summary>
    /// Merges <paramref name="secondaryId"/> into <paramref name="primaryId"/>: the primary keeps its values and takes the
    /// secondary's where it has none, the secondary's email becomes an additional email, and the secondary id is gone
    /// (not archived) and answers as the primary from now on (HubSpot's "Merge contacts" article).
    /// </summary>
    public StoredContact Merge(long primaryId, long secondaryId)
    {
        lock (gate)
        {
            var primary = Live(primaryId) ?? throw HubSpotApiException.NotFound($"Object {primaryId} not found");
            var secondary = Live(secondaryId) ?? throw HubSpotApiException.NotFound($"Object {secondaryId} not found");
            if (primary.Id == secondary.Id)
            {
                throw HubSpotApiException.Invalid("A contact cannot be merged with itself.");
            }

            foreach (var (name, value) in secondary.Properties.Where(p => !primary.Properties.ContainsKey(p.Key) && p.Key != "email"))
            {
                primary.Properties[name] = value;
            }

            var emails = (primary.Properties.GetValueOrDefault("hs_additional_emails") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
            emails.AddRange(new[] { secondary.Email }.Concat((secondary.Properties.GetValueOrDefault("hs_additional_emails") ?? string.Empty).Split(';')).OfType<string>()
                .Where(e => e.Length > 0 && e != primary.Email && !emails.Contains(e)));
            if (emails.Count > 0)
            {
                primary.Properties["hs_additional_emails"] = string.Join(';', emails);
            }

            primary.MergedIds.Add(secondary.Id);
            primary.MergedIds.AddRange(secondary.MergedIds);
            primary.Properties["hs_merged_object_ids"] = string.Join(';', primary.MergedIds);
            foreach (var moved in primary.MergedIds)
            {
                mergedInto[moved] = primary.Id;
            }

            contacts.Remove(secondary.Id);
            primary.UpdatedAt = Now;
            Raise(new ContactChange("contact.merge", primary.Id, primary.UpdatedAt) { MergedObjectIds = [secondary.Id] });
            return primary;
        }
    }

    /// <summary>A live contact by id (a merged id answers as its survivor), or null.</summary>
    public StoredContact? Live(long id)
    {
        lock (gate)
        {
            var resolved = mergedInto.GetValueOrDefault(id, id);
            return contacts.TryGetValue(resolved, out var contact) && contact.ArchivedAt is null ? contact : null;
        }
    }

    public StoredContact? Archived(long id)
    {
        lock (gate)
        {
            return contacts.TryGetValue(id, out var contact) && contact.ArchivedAt is not null ? contact : null;
        }
    }

    public StoredContact? ByEmail(string email)
    {
        lock (gate)
        {
            return contacts.Values.FirstOrDefault(c => c.ArchivedAt is null && string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Contacts by id from <paramref name="after"/> on (live, or archived when <paramref name="archived"/>), and the next page's id.</summary>
    public (IReadOnlyList<StoredContact> Items, long? Next) Page(long after, int limit, bool archived)
    {
        lock (gate)
        {
            var matching = contacts.Values.Where(c => c.Id >= after && (c.ArchivedAt is not null) == archived).Take(limit + 1).ToList();
            return matching.Count > limit ? (matching[..limit], matching[limit].Id) : (matching, null);
        }
    }

    public IReadOnlyList<StoredContact> Snapshot()
    {
        lock (gate)
        {
            return [.. contacts.Values.Where(c => c.ArchivedAt is null)];
        }
    }

    /// <summary>The contact as the API answers it (the specs' <c>SimplePublicObject</c>), with the properties asked for.</summary>
    public static JsonObject Render(StoredContact contact, IReadOnlyCollection<string>? properties)
    {
        var shown = new JsonObject();
        foreach (var name in properties is { Count: > 0 } ? properties : DefaultProperties)
        {
            if (Value(contact, name) is { } value && !shown.ContainsKey(name))
            {
                shown[name] = value;
            }
        }

        var rendered = new JsonObject
        {
            ["id"] = Id(contact.Id),
            ["properties"] = shown,
            ["createdAt"] = HubSpotValues.Stamp(contact.CreatedAt),
            ["updatedAt"] = HubSpotValues.Stamp(contact.UpdatedAt),
            ["archived"] = contact.ArchivedAt is not null,
        };
        if (contact.ArchivedAt is { } archivedAt)
        {
            rendered["archivedAt"] = HubSpotValues.Stamp(archivedAt);
        }

        return rendered;
    }

    /// <summary>A property's value including the ones HubSpot computes; null when it has none.</summary>
    public static string? Value(StoredContact contact, string name) => name switch
    {
        "hs_object_id" => Id(contact.Id),
        "createdate" => HubSpotValues.Stamp(contact.CreatedAt),
        "lastmodifieddate" => HubSpotValues.Stamp(contact.UpdatedAt),
        _ => contact.Properties.GetValueOrDefault(name),
    };

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static void Apply(StoredContact contact, IReadOnlyDictionary<string, string> properties)
    {
        foreach (var (name, value) in properties)
        {
            if (value.Length == 0)
            {
                contact.Properties.Remove(name);
            }
            else
            {
                contact.Properties[name] = value;
            }
        }
    }

    private void RefuseTakenEmail(string? email, long? self)
    {
        if (string.IsNullOrEmpty(email))
        {
            return;
        }

        var holder = contacts.Values.FirstOrDefault(c => c.ArchivedAt is null && c.Id != self
            && (string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase)
                || (c.Properties.GetValueOrDefault("hs_additional_emails") ?? string.Empty).Split(';').Contains(email, StringComparer.OrdinalIgnoreCase)));
        if (holder is not null)
        {
            throw new HubSpotApiException(409, "CONFLICT", "Contact already exists. Existing ID: " + Id(holder.Id));
        }
    }

    private void Raise(ContactChange change) => Changed?.Invoke(change);
}
