using Microsoft.Extensions.Logging;
using Tandem.Engine;

namespace Tandem.Runtime.Logging;

/// <summary>Every log message of the runtime. Ids, names of the user's own accounts and counts only: never contact data, never secrets.</summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(101, LogLevel.Information, "Connection {ConnectionId} is paused; not running it")]
    public static partial void SkippedPaused(ILogger logger, string connectionId);

    [LoggerMessage(102, LogLevel.Information, "Connection {ConnectionId} ran {Outcome} (dry run: {DryRun}, full rescan: {FullRescan})")]
    public static partial void RunFinished(ILogger logger, string connectionId, RunOutcome outcome, bool dryRun, bool fullRescan);

    [LoggerMessage(103, LogLevel.Warning, "Connection {ConnectionId} needs attention: {Why}")]
    public static partial void NeedsAttention(ILogger logger, string connectionId, string why);

    [LoggerMessage(104, LogLevel.Error, "Watching connection {ConnectionId}: a run threw; trying again in {Delay}")]
    public static partial void WatchRunThrew(ILogger logger, Exception exception, string connectionId, TimeSpan delay);

    [LoggerMessage(105, LogLevel.Warning, "Watching connection {ConnectionId}: the run ended {Outcome}; backing off to {Delay}")]
    public static partial void WatchBackingOff(ILogger logger, string connectionId, RunOutcome outcome, TimeSpan delay);

    [LoggerMessage(106, LogLevel.Information, "Setup applied: {AccountsChanged} account(s) and {ConnectionsChanged} connection(s) created or updated")]
    public static partial void SetupApplied(ILogger logger, int accountsChanged, int connectionsChanged);

    [LoggerMessage(107, LogLevel.Information, "Connection {ConnectionId}: settings changed, the next run rescans both sides")]
    public static partial void RescanScheduled(ILogger logger, string connectionId);
}
