namespace Tandem.Web.OAuth;

/// <summary>The consent flow's log messages: user ids and app keys only, never codes, states or tokens.</summary>
internal static partial class OAuthLog
{
    [LoggerMessage(301, LogLevel.Information, "User {UserId} was sent to the {App} consent page")]
    public static partial void Started(ILogger logger, string userId, string app);

    [LoggerMessage(302, LogLevel.Information, "User {UserId} authorised {App} account {AccountId} through its consent page")]
    public static partial void Completed(ILogger logger, string userId, string app, string accountId);

    [LoggerMessage(303, LogLevel.Information, "A consent callback for user {UserId} was refused: {Why}")]
    public static partial void Refused(ILogger logger, string userId, string why);
}
