namespace Tandem.Web.Workers;

/// <summary>A connection whose runs keep failing for a passing reason (an app not answering): the watch loop tries again by itself.</summary>
/// <param name="Message">The last failed run's message, as the engine gave it.</param>
/// <param name="Since">When the first run of this streak failed.</param>
/// <param name="NextTry">When the watch loop runs it again, or null before the loop has armed its wait.</param>
public sealed record RetryStreak(string Message, DateTimeOffset Since, DateTimeOffset? NextTry);
