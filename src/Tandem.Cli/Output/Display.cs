using System.Globalization;
using Tandem.Domain.Configuration;

namespace Tandem.Cli.Output;

/// <summary>How values read in the terminal: UTC times to the second, states as the dashboard names them.</summary>
internal static class Display
{
    public static string Time(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string State(ConnectionState state) => state switch
    {
        ConnectionState.NeedsAttention => "Needs attention",
        _ => state.ToString(),
    };
}
