using Tandem.Domain.Configuration;
using Tandem.Storage.Connections;

namespace Tandem.Web.Services.Connections;

/// <summary>
/// The dry run of a connection not yet started needs a stored row (the engine's run log refers to it), so the wizard's
/// preview stores one for the length of the preview and removes it straight after. Such a row is never listed, run or
/// opened; one left behind by a stopped process is swept by the sync workers.
/// </summary>
public static class DraftPreviews
{
    /// <summary>The state reason that marks a preview's row.</summary>
    public const string Reason = "A draft being previewed by the wizard; never run.";

    /// <summary>How old a preview's row must be before the sweep removes it (a preview takes seconds).</summary>
    public static readonly TimeSpan LeftBehindAfter = TimeSpan.FromMinutes(15);

    public static bool IsPreview(StoredConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.State == ConnectionState.Paused && connection.StateReason == Reason;
    }
}
