namespace Tandem.Web.Components.Shared;

/// <summary>The pages' log messages: never a value the user typed, never contact data.</summary>
internal static partial class UiLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "A page action failed unexpectedly ({ExceptionType})")]
    public static partial void ActionFailed(ILogger logger, string exceptionType, Exception exception);
}
