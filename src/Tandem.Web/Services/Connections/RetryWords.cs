using System.Globalization;
using System.Text.RegularExpressions;

namespace Tandem.Web.Services.Connections;

/// <summary>
/// A failed run's message in the words of the dashboard. Every connector's API error starts "{App} answered {status}"
/// (ApiErrorException and its vendor subclasses), so an answer from one of the connection's two apps that says
/// "try later" (5xx, 429, 408) reads as that app not answering; any other message is shown as the engine wrote it.
/// </summary>
public static partial class RetryWords
{
    public static string Problem(string message, params string[] appNames)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(appNames);
        var answer = AnsweredPattern().Match(message);
        if (answer.Success && appNames.Any(a => string.Equals(a, answer.Groups["app"].Value, StringComparison.Ordinal)))
        {
            var app = answer.Groups["app"].Value;
            var status = int.Parse(answer.Groups["status"].Value, CultureInfo.InvariantCulture);
            return status switch
            {
                429 => $"{app} asks Tandem to slow down ({status})",
                408 or >= 500 => $"{app} is not answering ({status})",
                _ => $"{app} refused a request ({status})",
            };
        }

        if (message.StartsWith("The app did not answer", StringComparison.Ordinal))
        {
            return "one of the apps is not answering";
        }

        return "the last run failed: " + message.TrimEnd('.');
    }

    /// <summary>"since 14:02 UTC; next try 14:05 UTC" (the server does not know the reader's time zone, so it says which one it uses).</summary>
    public static string Times(RetryView retry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(retry);
        var since = Clock(retry.Since, now);
        return retry.NextTry is { } next && next > now
            ? $"since {since}; next try {Clock(next, now)}"
            : $"since {since}; trying again now";
    }

    private static string Clock(DateTimeOffset at, DateTimeOffset now) =>
        at.UtcDateTime.Date == now.UtcDateTime.Date
            ? at.UtcDateTime.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : at.UtcDateTime.ToString("d MMM HH:mm 'UTC'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<app>.+?) answered (?<status>\d{3})\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AnsweredPattern();
}
