using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Pipeliner;

/// <summary>
/// The space's contacts: every standard property present (empty text as <c>""</c>), <c>revision</c> counting changes,
/// <c>modified</c> in Pipeliner's format (<c>2023-03-23 14:20:54.529536+00:00</c>, microseconds, on the sandbox's clock),
/// deletions kept as <c>is_deleted: true</c> rows until <see cref="PipelinerSandboxOptions.DeletedRetention"/> passes.
/// Thread-safe.
/// </summary>
internal sealed class ContactStore
{
    public const string StampFormat = "yyyy-MM-dd HH:mm:ss.ffffff'+00:00'";

    private static readonly string[] Blank =
    [
        "title", "first_name", "middle_name", "last_name", "position", "email1", "email2", "email3", "email4", "email5",
        "phone1", "phone2", "phone3", "phone4", "phone5", "address", "city", "state_province", "zip_code", "country", "comments",
        "quick_account_name",
    ];

    private readonly Dictionary<string, JsonObject> contacts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> deletedAt = new(StringComparer.Ordinal);
    private readonly TimeProvider time;
    private readonly TimeSpan retention;
    private readonly Lock gate = new();
    private int created;

    public ContactStore(TimeProvider time, TimeSpan retention)
    {
        this.time = time;
        this.retention = retention;
    }

    /// <summary>Called after every change (for webhooks), outside the lock.</summary>
    public Action<string, JsonObject>? Changed { get; set; }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return contacts.Values.Count(c => c["is_deleted"]!.GetValue<bool>() == false);
            }
        }
    }

    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseStamp(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;

    /// <summary>Creates a contact from a validated body; <paramref name="at"/> overrides the clock (seeding).</summary>
    public JsonObject Create(JsonObject body, DateTimeOffset? at = null)
    {
        JsonObject stored;
        lock (gate)
        {
            var stamp = Stamp(at ?? time.GetUtcNow());
            var id = FieldIds.Of("contact/" + created++.ToString(CultureInfo.InvariantCulture));
            stored = new JsonObject
            {
                ["id"] = id,
                ["is_deleted"] = false,
                ["is_delete_protected"] = false,
                ["created"] = stamp,
                ["modified"] = stamp,
                ["revision"] = 1,
                ["unit_id"] = PipelinerDemoData.SalesUnits[0].Id,
                ["is_unsubscribed"] = false,
                ["tags"] = new JsonArray(),
                ["share_mode"] = 0,
                ["gender"] = 0,
            };
            foreach (var name in Blank)
            {
                stored[name] = string.Empty;
            }

            Apply(stored, body);
            contacts[id] = stored;
            stored = (JsonObject)stored.DeepClone();
        }

        Changed?.Invoke("Contact.Create", stored);
        return stored;
    }

    /// <summary>Applies a validated body to a live contact; null when it does not exist (or is deleted).</summary>
    public JsonObject? Update(string id, JsonObject body)
    {
        JsonObject shown;
        lock (gate)
        {
            if (!contacts.TryGetValue(id, out var stored) || stored["is_deleted"]!.GetValue<bool>())
            {
                return null;
            }

            Apply(stored, body);
            Touch(stored);
            shown = (JsonObject)stored.DeepClone();
        }

        Changed?.Invoke("Contact.Update", shown);
        return shown;
    }

    /// <summary>Marks a contact deleted (it stays readable with include-deleted); false when there is none.</summary>
    public bool Delete(string id)
    {
        JsonObject shown;
        lock (gate)
        {
            if (!contacts.TryGetValue(id, out var stored) || stored["is_deleted"]!.GetValue<bool>())
            {
                return false;
            }

            stored["is_deleted"] = true;
            Touch(stored);
            deletedAt[id] = time.GetUtcNow();
            shown = (JsonObject)stored.DeepClone();
        }

        Changed?.Invoke("Contact.Delete", shown);
        return true;
    }

    /// <summary>A copy of one contact, deleted ones only when asked for.</summary>
    public JsonObject? Get(string id, bool includeDeleted)
    {
        lock (gate)
        {
            Purge();
            return contacts.TryGetValue(id, out var stored) && (includeDeleted || !stored["is_deleted"]!.GetValue<bool>())
                ? (JsonObject)stored.DeepClone()
                : null;
        }
    }

    /// <summary>Copies of every contact (deleted ones only when asked for), in creation order.</summary>
    public List<JsonObject> Snapshot(bool includeDeleted)
    {
        lock (gate)
        {
            Purge();
            return contacts.Values.Where(c => includeDeleted || !c["is_deleted"]!.GetValue<bool>()).Select(c => (JsonObject)c.DeepClone()).ToList();
        }
    }

    private static void Apply(JsonObject stored, JsonObject body)
    {
        foreach (var (name, value) in body)
        {
            if (!ContactValidation.ReadOnly.Contains(name))
            {
                stored[name] = value?.DeepClone() ?? (stored[name] is JsonValue old && old.TryGetValue<string>(out _) ? string.Empty : null);
            }
        }

        stored["formatted_name"] = string.Join(' ', new[] { Text(stored, "first_name"), Text(stored, "middle_name"), Text(stored, "last_name") }.Where(p => p.Length > 0));
    }

    private static string Text(JsonObject stored, string name) => stored[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : string.Empty;

    private void Touch(JsonObject stored)
    {
        stored["modified"] = Stamp(time.GetUtcNow());
        stored["revision"] = stored["revision"]!.GetValue<int>() + 1;
    }

    private void Purge()
    {
        var now = time.GetUtcNow();
        foreach (var (id, at) in deletedAt.Where(d => now - d.Value >= retention).ToList())
        {
            contacts.Remove(id);
            deletedAt.Remove(id);
        }
    }
}
