using Tandem.Connectors.InMemory;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Harness;

namespace Tandem.Engine.Tests.Properties;

/// <summary>Plays a random history against two in-memory apps and a real database, then settles it.</summary>
public sealed class HistoryRunner
{
    private static readonly string[] Fields = ["title", "org", "note"];
    private static readonly string[] Emails = ["ann@x.test", "bob@x.test", "cy@x.test", "dee@x.test", "eve@x.test", "fay@x.test"];

    private readonly SyncHarness h;

    public HistoryRunner(SyncHarness harness)
    {
        h = harness;
    }

    public static string Describe(int kind) => kind switch
    {
        0 => "create",
        1 => "edit",
        2 => "delete",
        3 => "touch",
        4 => "sync",
        5 => "killed-sync",
        6 => "lost-answer-sync",
        7 => "stale-sync",
        _ => "create-without-email",
    };

    public async Task PlayAsync(IEnumerable<HistoryOp> history)
    {
        foreach (var op in history)
        {
            var app = op.OnB ? h.B : h.A;
            var live = app.Snapshot();
            switch (op.Kind)
            {
                case 0:
                    app.CreatePerson("P" + op.Value, "Q" + op.Field, Emails[op.Pick % Emails.Length]);
                    break;
                case 1 when live.Count > 0:
                    app.Set(live[op.Pick % live.Count].Id, Fields[op.Field % Fields.Length], op.Value % 4 == 0 ? null : Values.Text("v" + op.Value));
                    break;
                case 2 when live.Count > 0:
                    app.Delete(live[op.Pick % live.Count].Id);
                    break;
                case 3 when live.Count > 0:
                    app.Touch(live[op.Pick % live.Count].Id);
                    break;
                case 4:
                    await h.SyncAsync();
                    break;
                case 5:
                    await KilledSyncAsync(op);
                    break;
                case 6:
                    app.Faults.LoseNextResponses = 1;
                    app.Faults.LostResponseStyle = op.KillAfter ? LostResponseStyle.Throw : LostResponseStyle.Unknown;
                    await h.SyncAsync();
                    app.Faults.Clear();
                    break;
                case 7:
                    app.Faults.StaleNextUpdates = 1;
                    await h.SyncAsync();
                    app.Faults.Clear();
                    break;
                case 8:
                    app.Create(System.Collections.Immutable.ImmutableDictionary<string, FieldValue>.Empty.Add("name.first", Values.Text("Anon" + op.Value)));
                    break;
            }
        }
    }

    /// <summary>Syncs until a run writes nothing (at most four times) and returns the last run.</summary>
    public async Task<RunReport> SettleAsync()
    {
        RunReport report = null!;
        for (var i = 0; i < 4; i++)
        {
            report = await h.SyncAsync();
            if (report.WriteCalls == 0 && report.Outcome == RunOutcome.Completed)
            {
                break;
            }
        }

        return report;
    }

    public static string? EmailOf(ContactRecord record) => (record.Get("emails") as ListValue)?.Primary.Text;

    private async Task KilledSyncAsync(HistoryOp op)
    {
        var real = h.Store;
        var killing = new KillingStore(real, op.KillAt, op.KillAfter);
        h.Store = killing;
        try
        {
            await h.SyncAsync();
        }
        catch (SimulatedKill)
        {
            // The process died here; the next run starts from what the database holds.
        }
        finally
        {
            h.Store = real;
        }
    }
}
