using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Wooxy;

/// <summary>
/// The account's contact lists and its asynchronous requests, under one lock. A request is pending for
/// <see cref="WooxySandboxOptions.ProcessingDelay"/> on the sandbox's clock, then applied contact by contact; a stalled
/// one (the sandbox's fault switch) stays pending until released. Requests are kept seven days, as Wooxy's are.
/// </summary>
internal sealed class WooxyStore(WooxySandboxOptions options, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(7);
    private readonly Lock gate = new();
    private readonly Dictionary<string, StoredRequest> requests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ITimer> timers = new(StringComparer.Ordinal);
    private int nextId;

    /// <summary>Raised (outside the lock) for each request once it is processed, for its <c>webHookUri</c> callback.</summary>
    public event Action<StoredRequest>? Processed;

    public string DomainId { get; } = "dom-1";

    public List<StoredList> Lists { get; } = [];

    public string Now() => Format(time.GetUtcNow());

    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public T Read<T>(Func<T> read)
    {
        lock (gate)
        {
            return read();
        }
    }

    public StoredList List(string id) =>
        Lists.FirstOrDefault(l => l.Id == id) ?? throw WooxyApiException.NotFound($"List with id {id} not found!");

    public string NewId(string prefix) => prefix + Interlocked.Increment(ref nextId).ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>Accepts a request for later processing and returns its id; <paramref name="stalled"/> keeps it pending until released.</summary>
    public string Submit(string source, JsonObject body, bool stalled)
    {
        StoredRequest request;
        lock (gate)
        {
            request = new StoredRequest(NewId("req"), source, body, time.GetUtcNow()) { Stalled = stalled };
            requests[request.Id] = request;
            timers[request.Id] = time.CreateTimer(_ => Process(request), null, options.ProcessingDelay, Timeout.InfiniteTimeSpan);
        }

        return request.Id;
    }

    /// <summary>The requests with these ids the account still keeps (seven days), each processed if it is due.</summary>
    public IReadOnlyList<StoredRequest> Find(IEnumerable<string> ids)
    {
        var found = new List<StoredRequest>();
        foreach (var id in ids)
        {
            StoredRequest? request;
            lock (gate)
            {
                request = requests.GetValueOrDefault(id);
                if (request is not null && time.GetUtcNow() - request.CreatedAt > Retention)
                {
                    requests.Remove(id);
                    request = null;
                }
            }

            if (request is not null)
            {
                if (time.GetUtcNow() - request.CreatedAt >= options.ProcessingDelay)
                {
                    Process(request);
                }

                found.Add(request);
            }
        }

        return found;
    }

    /// <summary>Releases every stalled request: each is processed now.</summary>
    public int ReleaseStalled()
    {
        List<StoredRequest> stalled;
        lock (gate)
        {
            stalled = requests.Values.Where(r => r.Stalled && !r.Processed).ToList();
            stalled.ForEach(r => r.Stalled = false);
        }

        stalled.ForEach(Process);
        return stalled.Count;
    }

    /// <summary>Requests accepted and not yet processed.</summary>
    public int PendingRequests => Read(() => requests.Values.Count(r => !r.Processed));

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var timer in timers.Values)
            {
                timer.Dispose();
            }

            timers.Clear();
        }
    }

    private void Process(StoredRequest request)
    {
        lock (gate)
        {
            if (request.Processed || request.Stalled)
            {
                return;
            }

            var list = Lists.FirstOrDefault(l => l.Id == request.Body["contactListId"]?.GetValue<string>());
            if (list is not null)
            {
                ContactWrites.Apply(list, request, () => NewId("c"), Now());
            }

            request.Processed = true;
            request.UpdatedAt = time.GetUtcNow();
            if (timers.Remove(request.Id, out var timer))
            {
                timer.Dispose();
            }
        }

        Processed?.Invoke(request);
    }
}
