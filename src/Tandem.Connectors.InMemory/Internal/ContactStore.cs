using System.Collections.Immutable;
using System.Globalization;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.InMemory.Internal;

/// <summary>
/// The records of one in-memory app and the indexes that keep every connector call O(1) or O(page):
/// a creation-ordered log for listings, a sequence-ordered log for the change feed, tombstones, and
/// lookups by client reference and email. Not thread-safe: <see cref="InMemoryApp"/> holds the lock.
/// </summary>
internal sealed class ContactStore
{
    private readonly Dictionary<string, StoredContact> live = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> tombstones = new(StringComparer.Ordinal);
    private readonly HashSet<string> deleted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> byClientReference = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> byEmail = new(StringComparer.Ordinal);
    private readonly OrderedLog creationLog;
    private readonly OrderedLog changeLog;
    private readonly string idPrefix;
    private long lastCreation;

    public ContactStore(string idPrefix)
    {
        this.idPrefix = idPrefix;
        creationLog = new OrderedLog(e => live.TryGetValue(e.Id, out var s) && s.CreationNumber == e.Key);
        changeLog = new OrderedLog(e => live.TryGetValue(e.Id, out var s)
            ? s.Sequence == e.Key
            : tombstones.TryGetValue(e.Id, out var t) && t == e.Key);
    }

    /// <summary>The sequence of the latest write (0 before any).</summary>
    public long Sequence { get; private set; }

    /// <summary>Cursors below this sequence are expired (their tombstones are gone).</summary>
    public long OldestValidCursor { get; private set; }

    public int Count => live.Count;

    public ContactRecord? Get(string id) => live.TryGetValue(id, out var s) ? s.Record : null;

    public bool IsDeleted(string id) => deleted.Contains(id);

    public ContactRecord Insert(
        ImmutableDictionary<string, FieldValue> fields,
        ImmutableSortedSet<string> tags,
        bool unsubscribed,
        string? clientReference)
    {
        var creation = ++lastCreation;
        var id = idPrefix + creation.ToString(CultureInfo.InvariantCulture);
        var sequence = ++Sequence;
        var record = new ContactRecord(id, fields)
        {
            Version = VersionOf(sequence),
            Tags = tags,
            IsUnsubscribed = unsubscribed,
            ClientReference = clientReference,
        };
        live.Add(id, new StoredContact(record, sequence, creation));
        creationLog.Append(creation, id);
        changeLog.Append(sequence, id);
        Index(record);
        return record;
    }

    /// <summary>Stores a new state of an existing record under a new sequence and version (content may be unchanged).</summary>
    public ContactRecord Replace(ContactRecord updated)
    {
        var stored = live[updated.Id];
        var previous = stored.Record;

        // Touches, tag and subscription edits keep the same field dictionary: no need to re-index.
        var reindex = !ReferenceEquals(previous.Fields, updated.Fields) || previous.ClientReference != updated.ClientReference;
        if (reindex)
        {
            Unindex(previous);
        }

        var sequence = ++Sequence;
        var record = updated with { Version = VersionOf(sequence) };
        stored.Record = record;
        stored.Sequence = sequence;
        changeLog.Append(sequence, record.Id);
        changeLog.MarkStale();
        if (reindex)
        {
            Index(record);
        }

        return record;
    }

    public void Delete(string id)
    {
        var stored = live[id];
        live.Remove(id);
        Unindex(stored.Record);
        var sequence = ++Sequence;
        tombstones[id] = sequence;
        deleted.Add(id);
        changeLog.Append(sequence, id);
        changeLog.MarkStale();
        creationLog.MarkStale();
    }

    /// <summary>Forgets every tombstone and refuses every cursor issued so far, as an app whose sync tokens expire does.</summary>
    public void ExpireCursors()
    {
        var forgotten = tombstones.Count;
        tombstones.Clear();
        changeLog.MarkStale(forgotten);
        OldestValidCursor = Sequence;
    }

    public ListingSlice ListAfter(long afterCreation, int max)
    {
        var entries = new List<LogEntry>(max);
        var hasMore = creationLog.Take(afterCreation, max, include: null, entries);
        var records = entries.ConvertAll(e => live[e.Id].Record);
        return new ListingSlice(records, entries.Count > 0 ? entries[^1].Key : afterCreation, hasMore);
    }

    public ChangeSlice ChangesAfter(long afterSequence, int max, bool withTombstones)
    {
        var entries = new List<LogEntry>(max);
        var hasMore = changeLog.Take(afterSequence, max, withTombstones ? null : e => live.ContainsKey(e.Id), entries);
        var changed = new List<ContactRecord>(entries.Count);
        var deletedIds = new List<string>();
        foreach (var entry in entries)
        {
            if (live.TryGetValue(entry.Id, out var stored))
            {
                changed.Add(stored.Record);
            }
            else
            {
                deletedIds.Add(entry.Id);
            }
        }

        return new ChangeSlice(changed, deletedIds, entries.Count > 0 ? entries[^1].Key : afterSequence, hasMore);
    }

    public IReadOnlyList<ContactRecord> Snapshot()
    {
        var all = new List<ContactRecord>(live.Count);
        var after = 0L;
        while (true)
        {
            var slice = ListAfter(after, 4096);
            all.AddRange(slice.Records);
            after = slice.LastKey;
            if (!slice.HasMore)
            {
                return all;
            }
        }
    }

    public ContactRecord? FindByClientReference(string clientReference) =>
        byClientReference.TryGetValue(clientReference, out var id) ? Get(id) : null;

    /// <summary>Live records holding this canonical email, most recently created first.</summary>
    public IReadOnlyList<ContactRecord> FindByEmail(string canonicalEmail) =>
        byEmail.TryGetValue(canonicalEmail, out var ids)
            ? ids.Select(id => live[id]).OrderByDescending(s => s.CreationNumber).Select(s => s.Record).ToList()
            : [];

    private static string VersionOf(long sequence) => "v" + sequence.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<string> EmailsOf(ContactRecord record)
    {
        foreach (var value in record.Fields.Values)
        {
            if (value.Type != FieldType.Email)
            {
                continue;
            }

            if (value is ListValue list)
            {
                foreach (var item in list.Items)
                {
                    yield return item.Value.Text;
                }
            }
            else if (value is ScalarValue scalar)
            {
                yield return scalar.Text;
            }
        }
    }

    private void Index(ContactRecord record)
    {
        if (record.ClientReference is { } reference)
        {
            byClientReference[reference] = record.Id;
        }

        foreach (var email in EmailsOf(record))
        {
            if (!byEmail.TryGetValue(email, out var ids))
            {
                ids = new List<string>(1);
                byEmail.Add(email, ids);
            }

            // A record may list one email twice; it is indexed once.
            if (!ids.Contains(record.Id))
            {
                ids.Add(record.Id);
            }
        }
    }

    private void Unindex(ContactRecord record)
    {
        if (record.ClientReference is { } reference && byClientReference.TryGetValue(reference, out var owner) && owner == record.Id)
        {
            byClientReference.Remove(reference);
        }

        foreach (var email in EmailsOf(record))
        {
            if (byEmail.TryGetValue(email, out var ids))
            {
                ids.Remove(record.Id);
                if (ids.Count == 0)
                {
                    byEmail.Remove(email);
                }
            }
        }
    }
}
