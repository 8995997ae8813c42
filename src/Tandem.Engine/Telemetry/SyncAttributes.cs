namespace Tandem.Engine.Telemetry;

/// <summary>The attribute names of Tandem's spans and metrics; OpenTelemetry's own where one exists (<c>error.type</c>).</summary>
public static class SyncAttributes
{
    public const string ConnectionId = "tandem.connection.id";

    public const string RunId = "tandem.run.id";

    /// <summary>An app's catalogue key (<c>pipedrive</c>), never an account's name or address.</summary>
    public const string App = "tandem.app";

    public const string AppA = "tandem.app.a";

    public const string AppB = "tandem.app.b";

    /// <summary><c>a</c> or <c>b</c>.</summary>
    public const string Side = "tandem.sync.side";

    /// <summary>The run's outcome (<c>completed</c>, <c>completed_with_failures</c>, <c>failed</c>, <c>deletion_guard_tripped</c>).</summary>
    public const string Outcome = "tandem.run.outcome";

    public const string DryRun = "tandem.run.dry_run";

    /// <summary>OpenTelemetry's semantic convention: the type of the error that ended an operation.</summary>
    public const string ErrorType = "error.type";
}
