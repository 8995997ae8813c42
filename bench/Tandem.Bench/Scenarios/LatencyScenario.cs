using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Bench.Measuring;
using Tandem.Bench.Reporting;
using Tandem.Bench.State;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.InMemory;
using Tandem.Connectors.Mailchimp;
using Tandem.Connectors.Pipedrive;
using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine;
using Tandem.Engine.Planning;
using Tandem.Sandbox;
using Tandem.Sandbox.Mailchimp;
using Tandem.Sandbox.Pipedrive;

namespace Tandem.Bench.Scenarios;

/// <summary>
/// Webhook latency: how long from a change in the app (its sandbox, real time) to the write in the other app, when the
/// app's webhook triggers the run. Per app (Pipedrive, Mailchimp): 20 contacts synced to an in-memory app, the
/// connector registers its webhook on a receiver on 127.0.0.1, then 20 edits in the app one after another; each
/// delivery wakes a runner that runs the engine at once (as the server's webhook endpoint wakes the connection's worker;
/// deliveries arriving during a run coalesce into one more run), 1.2 s apart. Prints p50, p95 and the worst (an edit
/// not there after 10 s counts as 10 s and is counted apart); PASS when p95 ≤ 2 s and every edit arrived.
/// </summary>
public static class LatencyScenario
{
    private const int Contacts = 20;
    private const int Edits = 20;
    private static readonly TimeSpan Goal = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(10);
    private static readonly RetryOptions Retry = new() { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50) };

    public static async Task<bool?> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var table = new TextTable("app", "edits", "runs", "p50", "p95", "worst", "not there after 10 s", "goal", "");
        var passed = true;
        if (arguments.Includes("pipedrive"))
        {
            using var pipedrive = new PipedriveSandbox(new PipedriveSandboxOptions { SeedPersons = 0 });
            passed &= await MeasureAsync("pipedrive", pipedrive, url => new PipedriveConnectorFactory(Retry).Create(
                new AccountSettings(new Dictionary<string, string> { ["apiToken"] = pipedrive.Options.ApiToken, ["baseUrl"] = url.ToString() }), Context(url)),
                (i, title) => pipedrive.EditPerson(
                    pipedrive.PersonIds().First(id => pipedrive.Person(id)!["emails"]?.AsArray().Any(e => e?["value"]?.GetValue<string>() == Email(i)) == true),
                    new JsonObject { ["job_title"] = title }),
                table,
                cancellationToken);
        }

        if (arguments.Includes("mailchimp"))
        {
            using var mailchimp = new MailchimpSandbox(new MailchimpSandboxOptions { SeedMembers = 0 });
            passed &= await MeasureAsync("mailchimp", mailchimp, url => new MailchimpConnectorFactory(Retry).Create(new AccountSettings(new Dictionary<string, string>
            {
                ["apiKey"] = mailchimp.Options.ApiKey,
                ["audienceId"] = MailchimpSandbox.NewsletterAudienceId,
                ["baseUrl"] = url.ToString(),
            }), Context(url)),
                (i, title) => mailchimp.EditMember(MailchimpSandbox.NewsletterAudienceId, Email(i), new JsonObject { ["merge_fields"] = new JsonObject { ["TITLE"] = title } }),
                table,
                cancellationToken);
        }

        Console.WriteLine(table);
        return passed;
    }

    private static async Task<bool> MeasureAsync(string app, ISandboxApp sandbox, Func<Uri, IContactConnector> connect, Action<int, string> editInApp, TextTable table, CancellationToken cancellationToken)
    {
        var progress = new ProgressLog($"latency {app}: ");
        await using var host = await SandboxHost.StartAsync(sandbox, 0, null, cancellationToken);
        var memory = new InMemoryApp(new InMemoryAppOptions { Name = "memory", IdPrefix = "m" });
        _ = memory.Seed(Contacts, i => ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, FieldValue>
        {
            ["name.first"] = Values.Text("Latency"),
            ["name.last"] = Values.Text("Contact " + i.ToString(CultureInfo.InvariantCulture)),
            ["emails"] = new ListValue(FieldType.Email, [new LabelledValue("work", Values.Email(Email(i)))]),
        }));
        await using var database = await BenchDatabase.CreateAsync(app, "in-memory", cancellationToken);
        var schemas = new SchemaCache(TimeProvider.System);
        var engine = new SyncEngine();
        var runs = 0;

        async Task RunOnceAsync()
        {
            await using var a = connect(host.BaseUri);
            await using var b = memory.Connect();
            var report = await engine.RunAsync(new SyncRequest(database.ConnectionId, new ConnectionSettings(), a, b, database.Store) { Schemas = schemas, AccountA = "A", AccountB = "B" }, cancellationToken);
            Interlocked.Increment(ref runs);
            if (report.Outcome != RunOutcome.Completed)
            {
                progress.Say($"run ended {report.Outcome}: {report.Message}");
            }
        }

        await RunOnceAsync();
        using var receiver = new WebhookReceiver();
        await using (var registrar = connect(host.BaseUri))
        {
            _ = await ((IWebhookRegistrar)registrar).RegisterWebhookAsync(receiver.Url, "tandem", "bench-secret", cancellationToken);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var runner = Task.Run(
            async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await receiver.Deliveries.WaitAsync(stop.Token);
                    while (receiver.Deliveries.CurrentCount > 0)
                    {
                        // Deliveries that came during the last run are one more run, not one each.
                        await receiver.Deliveries.WaitAsync(stop.Token);
                    }

                    await RunOnceAsync();
                }
            },
            stop.Token);

        runs = 0;
        var latencies = new List<TimeSpan>(Edits);
        var lost = 0;
        for (var i = 0; i < Edits; i++)
        {
            // Edits a user makes, a little over a second apart (Pipedrive and Mailchimp keep whole seconds).
            await Task.Delay(TimeSpan.FromMilliseconds(1200), cancellationToken);
            var title = "Latency " + i.ToString(CultureInfo.InvariantCulture);
            var email = Email(i);
            var started = Stopwatch.GetTimestamp();
            editInApp(i, title);
            while (memory.FindByEmail(email).FirstOrDefault()?.Get(StandardFieldKeys.Title)?.Canonical != title && Stopwatch.GetElapsedTime(started) < GiveUp)
            {
                // A bench's observer, not a test: it looks at the other app every 2 ms.
                await Task.Delay(2, cancellationToken);
            }

            var took = Stopwatch.GetElapsedTime(started);
            lost += took >= GiveUp ? 1 : 0;
            latencies.Add(took);
            progress.Say(took >= GiveUp ? $"edit {i}: not there after {GiveUp.TotalSeconds:0} s" : $"edit {i}: {took.TotalMilliseconds:0} ms");
        }

        await stop.CancelAsync();
        try
        {
            await runner;
        }
        catch (OperationCanceledException)
        {
        }

        latencies.Sort();
        var p95 = Percentile(latencies, 0.95);
        var pass = p95 <= Goal && lost == 0;
        table.Add(app, Edits.ToString(CultureInfo.InvariantCulture), runs.ToString(CultureInfo.InvariantCulture), Ms(Percentile(latencies, 0.5)), Ms(p95), Ms(latencies[^1]), lost.ToString(CultureInfo.InvariantCulture), "p95 <= 2 s", pass ? "PASS" : "MISS");
        return pass;
    }

    private static string Email(int i) => $"latency.{i}@example.com";

    private static TimeSpan Percentile(List<TimeSpan> sorted, double share) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(share * sorted.Count) - 1)];

    private static string Ms(TimeSpan span) => span.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture) + " ms";

    private static ConnectorContext Context(Uri url) => new ConnectorContext(TimeProvider.System, NullLoggerFactory.Instance).Allowing(url);

    /// <summary>Answers every webhook delivery (and Mailchimp's URL check) with 200 at once and counts it.</summary>
    private sealed class WebhookReceiver : IDisposable
    {
        private readonly HttpListener listener = new();

        public WebhookReceiver()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/hooks/bench/");
            listener.Prefixes.Add(Url.ToString());
            listener.Start();
            _ = Task.Run(ListenAsync);
        }

        public Uri Url { get; }

        public SemaphoreSlim Deliveries { get; } = new(0);

        public void Dispose()
        {
            listener.Close();
            Deliveries.Dispose();
        }

        private async Task ListenAsync()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                var isDelivery = context.Request.HttpMethod == "POST";
                context.Response.StatusCode = 200;
                context.Response.Close();
                if (isDelivery)
                {
                    Deliveries.Release();
                }
            }
        }
    }
}
