using System.Collections.Immutable;
using System.Globalization;
using Tandem.Bench.ApiCalls;
using Tandem.Bench.Measuring;
using Tandem.Bench.Reporting;
using Tandem.Bench.State;
using Tandem.Connectors.InMemory;
using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Sandbox;

namespace Tandem.Bench.Scenarios;

/// <summary>
/// <c>apicalls</c>: how many HTTP calls each app sandbox receives when N contacts change (N = 1, 100, 10,000), paired
/// with an in-memory app. For each step the app's calls are set beside the lower bound: the writes the vendor's API
/// needs, ceil(N / its write batch), plus the listing calls, ceil(N / its largest page) (one call when nothing is
/// listed); a poll with nothing changed should cost one call per side. The engine reads each side's field schema at
/// the start of every run; those calls are shown apart and not judged (an engine matter, not the connector's).
/// </summary>
public static class ApiCallsScenario
{
    private const int InMemoryBatch = 100;

    public static async Task<bool?> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var table = new TextTable("app", "N", "step", "reads", "writes", "schema", "calls", "lower bound", "calls/contact", "bound/contact", "other side", "");
        var allPassed = true;
        // --only names one app (apicalls --only hubspot): N = 10,000 for every app takes long.
        foreach (var app in ApiCallsApps.All.Where(a => arguments.Includes(a.Name)))
        {
            foreach (var size in arguments.SizesOr(1, 100, 10_000))
            {
                allPassed &= await RunAsync(app, size, table, cancellationToken);
            }
        }

        Console.WriteLine(table);
        return allPassed;
    }

    private static async Task<bool> RunAsync(ApiCallsApp app, int size, TextTable table, CancellationToken cancellationToken)
    {
        var progress = new ProgressLog($"apicalls {app.Name} {Figures.Count(size)}: ");
        var counter = new CallCounter(app);
        var clock = new SteppedClock();
        var sandbox = app.Create(clock);
        await using var host = await SandboxHost.StartAsync(sandbox, 0, counter.Observe, cancellationToken);
        try
        {
            var memory = new InMemoryApp(new InMemoryAppOptions { Name = "memory", IdPrefix = "m", Capabilities = InMemoryCapabilities.Crm with { ReadBatchSize = 500, WriteBatchSize = InMemoryBatch } });
            var ids = memory.Seed(size, Contact);
            await using var database = await BenchDatabase.CreateAsync(app.Name, "in-memory", cancellationToken);
            var (writeBatch, readPage) = (app.ApiWriteBatch, app.ApiPageSize);
            var passed = true;
            // A write-only app is only a target: the in-memory app (B) feeds it one way.
            var settings = app.WriteOnly ? new ConnectionSettings { Direction = SyncDirection.BToA } : null;
            async Task StepAsync(string step, long bound, long otherBound, Action? before = null)
            {
                clock.Step(TimeSpan.FromSeconds(2));
                before?.Invoke();
                clock.Step(TimeSpan.FromSeconds(2));
                counter.Reset();
                memory.Calls.Reset();
                await using var a = app.Connect(sandbox, host.BaseUri, clock);
                await using var b = memory.Connect();
                _ = await SyncStep.RunAsync(step, database, a, b, progress, cancellationToken, settings);
                var calls = counter.Reads + counter.Writes - counter.Schema;
                var other = memory.Calls.ReadCalls + memory.Calls.WriteCalls;
                var ok = calls <= bound && other <= otherBound;
                passed &= ok;
                var perContact = step.StartsWith("poll, nothing", StringComparison.Ordinal) ? "-" : PerContact(calls, size);
                var boundPerContact = step.StartsWith("poll, nothing", StringComparison.Ordinal) ? "-" : PerContact(bound, size);
                table.Add(app.Name, Figures.Count(size), step, Number(counter.Reads - counter.Schema), Number(counter.Writes), Number(counter.Schema), Number(calls), Number(bound), perContact, boundPerContact,
                    $"{Number(other)} (<= {Number(otherBound)})", ok ? "PASS" : "MISS");
            }

            if (app.WriteOnly)
            {
                // Each write request and the request/find that settles it; nothing is read, so a quiet poll costs nothing.
                await StepAsync("N created in app", 2 * Ceiling(size, writeBatch), long.MaxValue);
                await StepAsync("poll, nothing changed", 0, 1);
                await StepAsync("N changed on other side", 2 * Ceiling(size, writeBatch), long.MaxValue,
                    () => ids.ToList().ForEach(id => memory.Set(id, "name.last", Values.Text("Changed on the other side"))));
                await StepAsync("poll, nothing changed", 0, 1);
                return passed;
            }

            // First sync: the app is empty, the other side holds N contacts: N creates in the app.
            await StepAsync("N created in app", Ceiling(size, writeBatch) + 1, long.MaxValue);
            await StepAsync("poll, own writes echo", Ceiling(size, readPage), 1);
            await StepAsync("poll, nothing changed", 1, 1);
            await StepAsync("N changed on other side", Ceiling(size, writeBatch) + 1, long.MaxValue,
                () => ids.ToList().ForEach(id => memory.Set(id, "title", Values.Text("Changed on the other side"))));
            await StepAsync("poll, own writes echo", Ceiling(size, readPage), 1);
            await StepAsync("N changed in app", Ceiling(size, readPage), Ceiling(size, InMemoryBatch) + 1,
                () => app.EditInApp(sandbox, size, "Changed in the app"));
            await StepAsync("poll, own writes echo", 1, long.MaxValue);
            await StepAsync("poll, nothing changed", 1, 1);
            return passed;
        }
        finally
        {
            await host.DisposeAsync();
            (sandbox as IDisposable)?.Dispose();
        }
    }

    private static ImmutableDictionary<string, FieldValue> Contact(int i) => ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, FieldValue>
    {
        ["name.first"] = Values.Text("Bench"),
        ["name.last"] = Values.Text("Contact " + i.ToString(CultureInfo.InvariantCulture)),
        ["emails"] = new ListValue(FieldType.Email, [new LabelledValue("work", Values.Email($"bench.{i}@example.com"))]),
        ["title"] = Values.Text("Original"),
    });

    private static long Ceiling(int count, int batch) => Math.Max(1, (count + batch - 1) / batch);

    private static string PerContact(long calls, int size) => (calls / (double)size).ToString(size >= 100 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    private static string Number(long value) => value == long.MaxValue ? "-" : value.ToString("N0", CultureInfo.InvariantCulture);
}
