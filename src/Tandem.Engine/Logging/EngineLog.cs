using Microsoft.Extensions.Logging;

namespace Tandem.Engine.Logging;

/// <summary>Every log message of the engine. Ids and counts only: never contact data, never secrets.</summary>
internal static partial class EngineLog
{
    [LoggerMessage(1, LogLevel.Information, "Run {RunId} of connection {ConnectionId} started (dry run: {DryRun})")]
    public static partial void RunStarted(ILogger logger, long runId, string connectionId, bool dryRun);

    [LoggerMessage(2, LogLevel.Information, "Run {RunId} of connection {ConnectionId} ended {Outcome}: {WriteCalls} write calls, {Failed} failed")]
    public static partial void RunEnded(ILogger logger, long runId, string connectionId, RunOutcome outcome, int writeCalls, int failed);

    [LoggerMessage(3, LogLevel.Warning, "Run {RunId} of connection {ConnectionId}: deletion guard tripped on side {Side} ({Deletions} of {Live} contacts gone)")]
    public static partial void DeletionGuardTripped(ILogger logger, long runId, string connectionId, string side, int deletions, int live);

    // The error's type and where it was thrown, not its message: a message from a malformed vendor
    // response could quote contact data.
    [LoggerMessage(4, LogLevel.Error, "Run {RunId} of connection {ConnectionId} failed with {ErrorType} at {Where}")]
    public static partial void RunFailed(ILogger logger, long runId, string connectionId, string errorType, string? where);

    [LoggerMessage(6, LogLevel.Warning, "Connection {ConnectionId}: {Refused} field mapping(s) refused and left out")]
    public static partial void MappingsRefused(ILogger logger, string connectionId, int refused);

    [LoggerMessage(5, LogLevel.Information, "Run {RunId} of connection {ConnectionId}: settled {Found} lost creates found, {Missing} not found")]
    public static partial void LostCreatesSettled(ILogger logger, long runId, string connectionId, int found, int missing);
}
