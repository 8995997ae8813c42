using System.Collections.Concurrent;
using Tandem.Runtime.Running;

namespace Tandem.Web.Workers;

/// <summary>
/// What the watch loops know and the pages should say: which connections are failing and backing off, since when,
/// and when the next try is (issue 18 item 1). Kept in memory by the process that runs the loops; a good run,
/// a stop or a failure only a person can fix (refused credentials, a tripped deletion guard) ends the streak.
/// </summary>
public sealed class RetryBoard(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, RetryStreak> streaks = new(StringComparer.Ordinal);

    /// <summary>The connection's current streak of failed runs, or null when its last run did not fail.</summary>
    public RetryStreak? Of(string connectionId) => streaks.GetValueOrDefault(connectionId);

    /// <summary>Notes a finished run: a failed one starts or extends the streak, anything else ends it.</summary>
    public void RunFinished(ConnectionRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Report is not { Outcome: Tandem.Engine.RunOutcome.Failed } report || result.AuthorizationFailed)
        {
            streaks.TryRemove(result.ConnectionId, out _);
            return;
        }

        var message = report.Message ?? "The run failed.";
        streaks.AddOrUpdate(
            result.ConnectionId,
            _ => new RetryStreak(message, time.GetUtcNow(), NextTry: null),
            (_, streak) => streak with { Message = message, NextTry = null });
    }

    /// <summary>Notes the watch loop's wait before its next run.</summary>
    public void Waiting(string connectionId, TimeSpan delay)
    {
        var next = time.GetUtcNow() + delay;
        while (streaks.TryGetValue(connectionId, out var streak) && !streaks.TryUpdate(connectionId, streak with { NextTry = next }, streak))
        {
        }
    }

    /// <summary>Forgets the connection's streak (its loop stopped: paused, deleted).</summary>
    public void Forget(string connectionId) => streaks.TryRemove(connectionId, out _);
}
