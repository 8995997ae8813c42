using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Workbooks;

/// <summary>
/// The people of the demo database. Every change increments <c>lock_version</c> and stamps <c>updated_at</c> (whole
/// seconds, on the sandbox's clock); a delete is soft (<c>is_deleted</c>, and an update of <c>updated_at</c>), and a
/// soft-deleted person is purged after the retention. Thread-safe: one lock around every read and write.
/// </summary>
internal sealed class PeopleStore
{
    private readonly Dictionary<int, StoredPerson> people = [];
    private readonly TimeProvider time;
    private readonly TimeSpan retention;
    private int nextId = 1001;

    public PeopleStore(TimeProvider time, TimeSpan retention)
    {
        this.time = time;
        this.retention = retention;
    }

    public Lock Gate { get; } = new();

    /// <summary>Now, in whole seconds (Workbooks' datetimes have no fractions).</summary>
    public DateTimeOffset Now => DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().ToUnixTimeSeconds());

    public int LiveCount
    {
        get
        {
            lock (Gate)
            {
                return people.Values.Count(p => !p.IsDeleted);
            }
        }
    }

    /// <summary>Every person not purged yet, deleted ones included, lowest id first. Callers hold <see cref="Gate"/>.</summary>
    public IEnumerable<StoredPerson> AllLocked()
    {
        Purge();
        return people.Values.OrderBy(p => p.Id);
    }

    public StoredPerson? FindLocked(int id) => people.GetValueOrDefault(id);

    /// <summary>Adds a new person (callers hold <see cref="Gate"/>).</summary>
    public StoredPerson AddLocked(JsonObject columns, DateTimeOffset at, string createdThrough)
    {
        var person = new StoredPerson { Id = nextId++, CreatedAt = at, UpdatedAt = at, Columns = columns, CreatedThrough = createdThrough };
        people[person.Id] = person;
        return person;
    }

    /// <summary>Replaces a person by its changed copy, with the next lock version (callers hold <see cref="Gate"/>).</summary>
    public StoredPerson ReplaceLocked(StoredPerson changed)
    {
        changed.LockVersion++;
        changed.UpdatedAt = Now;
        people[changed.Id] = changed;
        return changed;
    }

    /// <summary>Edits a person as a Workbooks user would.</summary>
    public void Edit(int id, JsonObject columns)
    {
        lock (Gate)
        {
            var person = people.GetValueOrDefault(id) is { IsDeleted: false } live ? live.Copy() : throw new KeyNotFoundException($"No person {id}.");
            foreach (var (key, value) in columns)
            {
                person.Columns[key] = value?.DeepClone();
            }

            ReplaceLocked(person);
        }
    }

    /// <summary>Deletes a person as a Workbooks user would: it is flagged deleted and hidden.</summary>
    public void Delete(int id)
    {
        lock (Gate)
        {
            var person = people.GetValueOrDefault(id) is { IsDeleted: false } live ? live.Copy() : throw new KeyNotFoundException($"No person {id}.");
            person.IsDeleted = true;
            ReplaceLocked(person);
        }
    }

    private void Purge()
    {
        var horizon = time.GetUtcNow() - retention;
        foreach (var gone in people.Values.Where(p => p.IsDeleted && p.UpdatedAt < horizon).Select(p => p.Id).ToList())
        {
            people.Remove(gone);
        }
    }
}
