using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tandem.Sandbox.Mailchimp;

/// <summary>
/// The audiences of the sandbox account. Times have Mailchimp's one-second resolution, so several changes can share a
/// <c>last_changed</c>. Every read and write runs under one lock; writes collect the webhook events they cause.
/// </summary>
internal sealed class AudienceStore
{
    private readonly Lock gate = new();
    private readonly List<StoredAudience> audiences = [];
    private readonly TimeProvider time;
    private long sequence;
    private int webIds = 100_000;
    private int nextTagId = 1000;
    private int groupIds;

    public AudienceStore(TimeProvider time)
    {
        this.time = time;
    }

    public IReadOnlyList<StoredAudience> Audiences => audiences;

    /// <summary>Mailchimp's subscriber hash: the MD5 of the lower-cased email, in lower-case hex.</summary>
    public static string Hash(string email)
    {
#pragma warning disable CA5351 // Mailchimp's protocol names members by this MD5; it is an identifier, not a secret.
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
#pragma warning restore CA5351
    }

    /// <summary>Mailchimp's time format: ISO 8601 with an offset, to the second.</summary>
    public static string Stamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    /// <summary>The sandbox's clock, to the second.</summary>
    public DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    public T Read<T>(Func<T> read)
    {
        lock (gate)
        {
            return read();
        }
    }

    /// <summary>Runs a write under the lock; returns its result and the webhook events it caused.</summary>
    public (T Result, List<WebhookEvent> Events) Write<T>(Func<List<WebhookEvent>, T> write)
    {
        var events = new List<WebhookEvent>();
        lock (gate)
        {
            return (write(events), events);
        }
    }

    public StoredAudience Audience(string listId) =>
        audiences.FirstOrDefault(a => a.Id == listId) ?? throw MailchimpApiException.NotFound();

    public StoredAudience AddAudience(string id, string name)
    {
        lock (gate)
        {
            var audience = new StoredAudience { Id = id, Name = name, WebId = ++webIds, DateCreated = Now() };
            audiences.Add(audience);
            return audience;
        }
    }

    public StoredMember NewMember(string email, string status, string source, DateTimeOffset at)
    {
        var web = ++webIds;
        var member = new StoredMember
        {
            Email = email.Trim(),
            UniqueEmailId = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("u" + email.Trim().ToLowerInvariant())))[..10],
            ContactId = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("c" + email.Trim().ToLowerInvariant())))[..32],
            WebId = web,
            Status = status,
            SignedUp = at,
            Opted = at,
            LastChanged = at,
            Sequence = ++sequence,
            Source = source == "api" ? "API - Generic" : "Admin Add",
        };
        return member;
    }

    /// <summary>A new id for an interest category or an interest: ten hex digits, like Mailchimp's.</summary>
    public string NewGroupId() =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("group" + (++groupIds).ToString(CultureInfo.InvariantCulture))))[..10];

    /// <summary>The id of a tag of the audience, created on first use (tags are static segments).</summary>
    public int TagId(StoredAudience audience, string name)
    {
        if (!audience.TagIds.TryGetValue(name, out var id))
        {
            id = ++nextTagId;
            audience.TagIds[name] = id;
            audience.TagNames[id] = name;
        }

        return id;
    }
}
