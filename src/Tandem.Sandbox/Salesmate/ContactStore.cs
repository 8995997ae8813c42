using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Salesmate;

/// <summary>
/// The account's contacts and companies, thread-safe. Contacts are kept as written (owner and company as ids) and
/// shown by <see cref="Shape"/>; every write stamps <c>lastModifiedAt</c> in milliseconds. Deleted contacts are gone:
/// Salesmate documents no deleted-record listing.
/// </summary>
internal sealed class ContactStore
{
    private readonly TimeProvider time;
    private readonly IReadOnlyList<SalesmateUser> users;
    private readonly Lock gate = new();
    private readonly SortedDictionary<int, JsonObject> contacts = [];
    private readonly Dictionary<int, string> companies = [];
    private int nextContact = 101;
    private int nextCompany = 1;
    private DateTimeOffset lastStamp = DateTimeOffset.MinValue;

    public ContactStore(TimeProvider time, IReadOnlyList<SalesmateUser> users)
    {
        this.time = time;
        this.users = users;
    }

    public IReadOnlyList<SalesmateUser> Users => users;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return contacts.Count;
            }
        }
    }

    /// <summary>Creates a contact; <c>lastName</c> and <c>owner</c> are required, as in Salesmate.</summary>
    public int Create(JsonObject body, DateTimeOffset? at = null)
    {
        lock (gate)
        {
            var contact = new JsonObject();
            Apply(contact, body);
            if (JsonText(contact["lastName"]) is null)
            {
                throw SalesmateApiException.Invalid("Last Name is required.");
            }

            if (contact["owner"] is null)
            {
                throw SalesmateApiException.Invalid("Owner is required.");
            }

            var id = nextContact++;
            var stamp = Stamp(at);
            contact["id"] = id;
            contact["createdAt"] = Format(stamp);
            contact["lastModifiedAt"] = Format(stamp);
            contacts[id] = contact;
            return id;
        }
    }

    /// <summary>Changes the given fields of a contact (the others stay); a missing contact is <c>ObjectNotFound</c>.</summary>
    public void Update(int id, JsonObject body)
    {
        lock (gate)
        {
            var contact = contacts.GetValueOrDefault(id) ?? throw SalesmateApiException.ObjectNotFound("Contact");
            var changed = (JsonObject)contact.DeepClone();
            Apply(changed, body);
            if (JsonText(changed["lastName"]) is null)
            {
                throw SalesmateApiException.Invalid("Last Name is required.");
            }

            if (changed["owner"] is null)
            {
                throw SalesmateApiException.Invalid("Owner is required.");
            }

            changed["lastModifiedAt"] = Format(Stamp(null));
            contacts[id] = changed;
        }
    }

    public void Delete(int id)
    {
        lock (gate)
        {
            if (!contacts.Remove(id))
            {
                throw SalesmateApiException.ObjectNotFound("Contact");
            }
        }
    }

    /// <summary>A contact as the API shows it, or <c>ObjectNotFound</c>.</summary>
    public JsonObject Get(int id)
    {
        lock (gate)
        {
            return Shape(contacts.GetValueOrDefault(id) ?? throw SalesmateApiException.ObjectNotFound("Contact"));
        }
    }

    /// <summary>Every live contact as the API shows it, lowest id first.</summary>
    public List<JsonObject> Snapshot()
    {
        lock (gate)
        {
            return contacts.Values.Select(Shape).ToList();
        }
    }

    public int CreateCompany(string name)
    {
        lock (gate)
        {
            var id = nextCompany++;
            companies[id] = name;
            return id;
        }
    }

    public List<(int Id, string Name)> Companies()
    {
        lock (gate)
        {
            return companies.Select(c => (c.Key, c.Value)).ToList();
        }
    }

    public static string? JsonText(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    public static DateTimeOffset ParseStamp(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Now, in whole milliseconds (Salesmate's precision), never before the last stamp: several contacts may share a
    /// millisecond, as in a real import, but a contact's own stamp never goes back.
    /// </summary>
    private DateTimeOffset Stamp(DateTimeOffset? at)
    {
        var now = at ?? time.GetUtcNow();
        now = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        if (at is null && now <= lastStamp)
        {
            // Two writes of one contact within a millisecond would otherwise leave its stamp unchanged.
            now = lastStamp.AddMilliseconds(1);
        }

        if (now > lastStamp)
        {
            lastStamp = now;
        }

        return now;
    }

    private void Apply(JsonObject contact, JsonObject body)
    {
        foreach (var (name, value) in body)
        {
            var field = SalesmateFieldCatalog.Find(name) ?? throw SalesmateApiException.Invalid($"Unknown field '{name}'.");
            switch (name)
            {
                case "owner":
                    var owner = Number(value) ?? throw SalesmateApiException.Invalid("Owner is required.");
                    contact["owner"] = users.Any(u => u.Id == owner) ? owner : throw SalesmateApiException.Invalid("Owner must be an active user.");
                    break;
                case "company":
                    var company = value is null ? null : Number(value);
                    contact["company"] = company is null ? null : companies.ContainsKey(company.Value) ? company : throw SalesmateApiException.ObjectNotFound("Company");
                    break;
                default:
                    contact[name] = SalesmateFieldCatalog.Validate(field, value);
                    break;
            }
        }
    }

    private static int? Number(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<int>(out var n) => n,
        JsonValue v when v.TryGetValue<string>(out var s) && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    /// <summary>The API's view: every field (null when empty), <c>name</c>, owner and company as <c>{id, name}</c>.</summary>
    private JsonObject Shape(JsonObject stored)
    {
        var shown = new JsonObject { ["id"] = stored["id"]!.DeepClone() };
        foreach (var field in SalesmateFieldCatalog.All)
        {
            shown[field.Name] = stored[field.Name]?.DeepClone();
        }

        shown["name"] = string.Join(' ', new[] { JsonText(stored["firstName"]), JsonText(stored["lastName"]) }.OfType<string>());
        var ownerId = stored["owner"]!.GetValue<int>();
        shown["owner"] = new JsonObject { ["id"] = ownerId, ["name"] = users.First(u => u.Id == ownerId).Name };
        shown["company"] = stored["company"] is JsonValue c && c.TryGetValue<int>(out var companyId)
            ? new JsonObject { ["id"] = companyId, ["name"] = companies[companyId] }
            : null;
        shown["createdAt"] = stored["createdAt"]!.DeepClone();
        shown["lastModifiedAt"] = stored["lastModifiedAt"]!.DeepClone();
        return shown;
    }
}
