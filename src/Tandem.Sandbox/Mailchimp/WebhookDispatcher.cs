using System.Globalization;
using System.Threading.Channels;

namespace Tandem.Sandbox.Mailchimp;

/// <summary>
/// Delivers webhook events as Mailchimp does: a form-encoded POST (<c>type</c>, <c>fired_at</c>, <c>data[…]</c>) to
/// each registered URL whose events and sources match, one at a time in the order the changes happened. A delivery
/// that fails is counted and not repeated.
/// </summary>
internal sealed class WebhookDispatcher : IDisposable
{
    private readonly HttpClient http;
    private readonly AudienceStore store;
    private readonly Channel<(Uri Url, WebhookEvent Event)> queue = Channel.CreateUnbounded<(Uri, WebhookEvent)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task pump;
    private int delivered;
    private int failed;

    public WebhookDispatcher(AudienceStore store, HttpMessageHandler? handler = null)
    {
        this.store = store;
        http = handler is null ? new HttpClient() : new HttpClient(handler);
        http.Timeout = TimeSpan.FromSeconds(10);
        pump = Task.Run(PumpAsync);
    }

    public int Delivered => Volatile.Read(ref delivered);

    public int Failed => Volatile.Read(ref failed);

    /// <summary>Queues the events for every webhook of their audience that wants them.</summary>
    public void Enqueue(IEnumerable<WebhookEvent> events)
    {
        foreach (var change in events)
        {
            var targets = store.Read(() => store.Audience(change.ListId).Webhooks
                .Where(w => w.Events.Contains(change.Type) && w.Sources.Contains(change.Source))
                .Select(w => w.Url)
                .ToList());
            foreach (var url in targets)
            {
                queue.Writer.TryWrite((url, change));
            }
        }
    }

    /// <summary>Mailchimp checks a webhook URL with a GET before saving it.</summary>
    public async Task<bool> VerifyAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose()
    {
        queue.Writer.TryComplete();
        pump.Wait(TimeSpan.FromSeconds(5));
        http.Dispose();
    }

    private async Task PumpAsync()
    {
        await foreach (var (url, change) in queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            var form = new List<KeyValuePair<string, string>>
            {
                new("type", change.Type),
                new("fired_at", change.FiredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
            };
            form.AddRange(change.Data);
            try
            {
                using var content = new FormUrlEncodedContent(form);
                using var response = await http.PostAsync(url, content).ConfigureAwait(false);
                Interlocked.Increment(ref response.IsSuccessStatusCode ? ref delivered : ref failed);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref failed);
            }
        }
    }
}
