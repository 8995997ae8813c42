using Tandem.Web.Services.Errors;

namespace Tandem.Web.Components.Shared;

/// <summary>Turns what a service threw into sentences for the page; anything unexpected becomes a generic sentence.</summary>
public static class Problem
{
    /// <summary>True for the exceptions whose messages are written for users.</summary>
    public static bool IsExpected(Exception exception) =>
        exception is InvalidRequestException or NotFoundException or ConflictException;

    public static IReadOnlyList<string> Sentences(Exception exception) => exception switch
    {
        InvalidRequestException invalid when invalid.Errors.Count > 1 => invalid.Errors,
        InvalidRequestException or NotFoundException or ConflictException => [exception.Message],
        _ => ["Something went wrong on the server; nothing was changed. Try again, and if it keeps happening, tell whoever runs this Tandem."],
    };
}
