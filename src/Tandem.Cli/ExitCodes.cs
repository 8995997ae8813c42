namespace Tandem.Cli;

/// <summary>What <c>tandem</c> exits with.</summary>
internal static class ExitCodes
{
    /// <summary>Everything done, everything in sync (a paused connection skipped counts as done).</summary>
    public const int Ok = 0;

    /// <summary>A run failed, contacts failed, or a connection needs attention (e.g. the deletion guard tripped).</summary>
    public const int RunFailed = 1;

    /// <summary>A bad set-up file or bad arguments; nothing was changed.</summary>
    public const int BadInput = 2;
}
