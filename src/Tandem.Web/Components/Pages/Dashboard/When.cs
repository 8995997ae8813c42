using System.Globalization;

namespace Tandem.Web.Components.Pages.Dashboard;

/// <summary>Moments in words relative to now ("3 minutes ago").</summary>
public static class When
{
    public static string Ago(DateTimeOffset? at, DateTimeOffset now)
    {
        if (at is not { } moment)
        {
            return "not yet";
        }

        var gone = now - moment;
        return gone.TotalSeconds switch
        {
            < 10 => "just now",
            < 60 => $"{(int)gone.TotalSeconds} seconds ago",
            < 120 => "a minute ago",
            < 3600 => $"{(int)gone.TotalMinutes} minutes ago",
            < 7200 => "an hour ago",
            < 86400 => $"{(int)gone.TotalHours} hours ago",
            _ => moment.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture),
        };
    }
}
