using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Tandem.Web.Hosting;

namespace Tandem.Web.Hooks;

/// <summary>
/// Webhook deliveries are limited per sending address and per connection (<c>Tandem:WebhookRequestsPerMinute</c> each),
/// so nobody can make the intake read bodies and query the database without end; more get 429, which vendors retry.
/// </summary>
public sealed class WebhookLimits(IOptions<TandemWebOptions> options, TimeProvider time) : IDisposable
{
    private const int MaxWindows = 10_000;

    private readonly ConcurrentDictionary<string, Window> windows = new(StringComparer.Ordinal);

    /// <summary>True when one more delivery from <paramref name="address"/> to <paramref name="connectionId"/> is allowed now.</summary>
    public bool TryTake(string? address, string connectionId)
    {
        var limit = options.Value.WebhookRequestsPerMinute;
        var now = time.GetUtcNow();
        if (windows.Count > MaxWindows)
        {
            // Made-up connection ids must not grow the table without end: windows that ended count nothing anyway.
            foreach (var (key, window) in windows.Where(w => w.Value.EndedBefore(now)))
            {
                windows.TryRemove(key, out _);
            }
        }

        var byAddress = windows.GetOrAdd("address:" + address, _ => new Window());
        var byConnection = windows.GetOrAdd("connection:" + connectionId, _ => new Window());
        return byAddress.TryTake(now, limit) & byConnection.TryTake(now, limit);
    }

    public void Dispose() => windows.Clear();

    /// <summary>A fixed one-minute window on the injected clock (the runtime's limiters keep their own).</summary>
    private sealed class Window
    {
        private readonly Lock gate = new();
        private DateTimeOffset start = DateTimeOffset.MinValue;
        private int used;

        public bool EndedBefore(DateTimeOffset now)
        {
            lock (gate)
            {
                return now - start >= TimeSpan.FromMinutes(1);
            }
        }

        public bool TryTake(DateTimeOffset now, int limit)
        {
            lock (gate)
            {
                if (now - start >= TimeSpan.FromMinutes(1))
                {
                    start = now;
                    used = 0;
                }

                return ++used <= limit;
            }
        }
    }
}
