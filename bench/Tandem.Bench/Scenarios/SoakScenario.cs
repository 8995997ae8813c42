using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Bench.ApiCalls;
using Tandem.Bench.Measuring;
using Tandem.Bench.Reporting;
using Tandem.Bench.State;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Cost;
using Tandem.Connectors.GoogleContacts;
using Tandem.Connectors.Http;
using Tandem.Connectors.InMemory;
using Tandem.Connectors.Pipedrive;
using Tandem.Domain.Fields;
using Tandem.Engine.Planning;
using Tandem.Sandbox;
using Tandem.Sandbox.GoogleContacts;
using Tandem.Sandbox.Pipedrive;

namespace Tandem.Bench.Scenarios;

/// <summary>
/// A connection per app (the app's sandbox with its real-account limits on: Pipedrive's 30,000-token daily budget,
/// Google's full-sync quota) against an in-memory app of 1,000 contacts: the first sync, then 24 idle hours on the
/// sandbox's clock polled at the pace the app's cost model sets (never faster than the server's 15 s), then 1,000
/// changes in the app. Prints runs, API calls, vendor cost and 429s per phase. PASS when Pipedrive's idle day costs at
/// most 10 % of the smallest plan's daily budget and Google never refuses a full sync.
/// </summary>
public static class SoakScenario
{
    private const int Contacts = 1_000;
    private static readonly TimeSpan ServerInterval = TimeSpan.FromSeconds(15);
    private static readonly RetryOptions Once = new() { MaxAttempts = 1 };

    public static async Task<bool?> RunAsync(CancellationToken cancellationToken)
    {
        var table = new TextTable("app", "phase", "runs", "API calls", "vendor cost", "of daily budget", "429", "pace at the end", "");
        var passed = await SoakPipedriveAsync(table, cancellationToken);
        passed &= await SoakGoogleAsync(table, cancellationToken);
        Console.WriteLine(table);
        return passed;
    }

    private static async Task<bool> SoakPipedriveAsync(TextTable table, CancellationToken cancellationToken)
    {
        var clock = new SteppedClock();
        using var sandbox = new PipedriveSandbox(new PipedriveSandboxOptions { SeedPersons = 0, BurstLimit = 0, DailyTokenBudget = PipedriveCosts.SmallestPlanDailyTokens }, clock);
        var budget = new AccountBudgets(clock).For(PipedriveConnectorFactory.App, "soak", PipedriveCosts.Model);
        var idle = await SoakAsync("Pipedrive", sandbox, budget, clock, url => new PipedriveConnectorFactory(Once).Create(
            new AccountSettings(new Dictionary<string, string> { ["apiToken"] = sandbox.Options.ApiToken, ["baseUrl"] = url.ToString() }),
            Context(clock, url, budget, "soak-pipedrive")),
            () => sandbox.ApiCalls,
            count =>
            {
                foreach (var id in sandbox.PersonIds().Take(count))
                {
                    sandbox.EditPerson(id, new System.Text.Json.Nodes.JsonObject { ["job_title"] = "Soaked " + id.ToString(CultureInfo.InvariantCulture) });
                }
            },
            table,
            cancellationToken);
        return idle.Cost <= PipedriveCosts.SmallestPlanDailyTokens / 10 && idle.Refused == 0;
    }

    private static async Task<bool> SoakGoogleAsync(TextTable table, CancellationToken cancellationToken)
    {
        var clock = new SteppedClock();
        var sandbox = new GoogleContactsSandbox(new GoogleSandboxOptions { SeedContacts = 0, RequestsPerMinute = 0, FullSyncsPerMinute = 1 }, clock);
        var budget = new AccountBudgets(clock).For("google-contacts", "soak", GoogleCosts.Model);
        _ = await SoakAsync("Google Contacts", sandbox, budget, clock, url => new GoogleContactsConnectorFactory(Once).Create(
            new AccountSettings(new Dictionary<string, string>
            {
                ["clientId"] = sandbox.Options.ClientId,
                ["clientSecret"] = sandbox.Options.ClientSecret,
                ["refreshToken"] = sandbox.Options.DemoRefreshToken,
                ["baseUrl"] = url.ToString(),
                ["tokenUrl"] = new Uri(url, "token").ToString(),
            }),
            Context(clock, url, budget, "soak-google")),
            () => sandbox.ApiCalls,
            count =>
            {
                foreach (var name in sandbox.ResourceNames().Take(count))
                {
                    sandbox.EditContact(name, p => p["organizations"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["title"] = "Soaked" }));
                }
            },
            table,
            cancellationToken);
        return sandbox.FullSyncsRefused == 0;
    }

    private static async Task<(long Cost, int Refused)> SoakAsync(
        string appName,
        ISandboxApp sandbox,
        AccountBudget budget,
        SteppedClock clock,
        Func<Uri, IContactConnector> connect,
        Func<int> apiCalls,
        Action<int> editInApp,
        TextTable table,
        CancellationToken cancellationToken)
    {
        var progress = new ProgressLog($"soak {appName}: ");
        using var cost = new CostTally("soak-");
        await using var host = await SandboxHost.StartAsync(sandbox, 0, null, cancellationToken);
        var memory = new InMemoryApp(new InMemoryAppOptions { Name = "memory", IdPrefix = "m", Capabilities = InMemoryCapabilities.Crm with { ReadBatchSize = 500, WriteBatchSize = 100 } });
        _ = memory.Seed(Contacts, i => ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, FieldValue>
        {
            ["name.first"] = Values.Text("Soak"),
            ["name.last"] = Values.Text("Contact " + i.ToString(CultureInfo.InvariantCulture)),
            ["emails"] = new ListValue(FieldType.Email, [new LabelledValue("work", Values.Email($"soak.{i}@example.com"))]),
        }));
        await using var database = await BenchDatabase.CreateAsync(appName, "in-memory", cancellationToken);
        var schemas = new SchemaCache(clock);

        async Task<int> RunAsync(string step)
        {
            await using var a = connect(host.BaseUri);
            await using var b = memory.Connect();
            try
            {
                _ = await SyncStep.RunAsync(step, database, a, b, null, cancellationToken, null, schemas);
                return 0;
            }
            catch (Exception ex) when (ex.Message.Contains("429", StringComparison.Ordinal) || ex.InnerException?.Message.Contains("429", StringComparison.Ordinal) == true)
            {
                return 1;
            }
        }

        // The first sync: 1,000 contacts created in the app.
        var (calls, spent) = (apiCalls(), cost.Total);
        var refused = await RunAsync("first sync");
        Add(table, appName, "first sync (1,000 created)", 1, apiCalls() - calls, cost.Total - spent, budget, refused, null);

        // 24 idle hours, each wait the pace of the app's cost model.
        (calls, spent) = (apiCalls(), cost.Total);
        var (runs, idleRefused, waited) = (0, 0, TimeSpan.Zero);
        var pace = PollingPace.For(appName, budget, webhooks: false, clock.GetUtcNow());
        while (waited < TimeSpan.FromHours(24))
        {
            pace = PollingPace.For(appName, budget, webhooks: false, clock.GetUtcNow());
            var wait = pace.Interval > ServerInterval ? pace.Interval : ServerInterval;
            clock.Step(wait);
            waited += wait;
            idleRefused += await RunAsync("idle poll");
            runs++;
            if (runs % 50 == 0)
            {
                progress.Say($"{runs} idle polls, {waited.TotalHours:0.0} h");
            }
        }

        var idleCost = cost.Total - spent;
        Add(table, appName, "24 h idle", runs, apiCalls() - calls, idleCost, budget, idleRefused, pace.Words);

        // 1,000 changes in the app, read and written to the other side in one run.
        clock.Step(TimeSpan.FromSeconds(2));
        editInApp(Contacts);
        clock.Step(TimeSpan.FromSeconds(2));
        (calls, spent) = (apiCalls(), cost.Total);
        refused = await RunAsync("1,000 changed");
        Add(table, appName, "1,000 changed in app", 1, apiCalls() - calls, cost.Total - spent, budget, refused, null);
        return (idleCost, idleRefused);
    }

    private static void Add(TextTable table, string app, string phase, int runs, long calls, long cost, AccountBudget budget, int refused, string? pace)
    {
        var share = budget.Model.DailyBudget is { } daily ? (100.0 * cost / daily).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "-";
        var ok = phase != "24 h idle" || ((budget.Model.DailyBudget is not { } d || cost <= d / 10) && refused == 0);
        table.Add(app, phase, runs.ToString("N0", CultureInfo.InvariantCulture), calls.ToString("N0", CultureInfo.InvariantCulture),
            $"{cost.ToString("N0", CultureInfo.InvariantCulture)} {budget.Model.Unit}", share, refused.ToString(CultureInfo.InvariantCulture), pace ?? "", ok ? "PASS" : "MISS");
    }

    private static ConnectorContext Context(TimeProvider time, Uri url, AccountBudget budget, string connectionId) =>
        new ConnectorContext(time, NullLoggerFactory.Instance) { Budget = budget, App = budget.App, ConnectionId = connectionId }.Allowing(url);

    /// <summary>Adds up <c>tandem.vendor.cost</c> for the connections whose id starts with a prefix.</summary>
    private sealed class CostTally : IDisposable
    {
        private readonly MeterListener listener;
        private long total;

        public CostTally(string prefix)
        {
            listener = new MeterListener
            {
                InstrumentPublished = (instrument, l) =>
                {
                    if (instrument.Name == "tandem.vendor.cost")
                    {
                        l.EnableMeasurementEvents(instrument);
                    }
                },
            };
            listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "tandem.connection.id" && tag.Value is string id && id.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        Interlocked.Add(ref total, value);
                    }
                }
            });
            listener.Start();
        }

        public long Total => Interlocked.Read(ref total);

        public void Dispose() => listener.Dispose();
    }
}
