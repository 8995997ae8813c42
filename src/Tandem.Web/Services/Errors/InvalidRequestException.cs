namespace Tandem.Web.Services.Errors;

/// <summary>
/// The request cannot be carried out as given, and nothing was changed. The message says why in words a user
/// understands (never a secret); <see cref="Errors"/> lists each problem when there are several. The API answers 400.
/// </summary>
public sealed class InvalidRequestException : Exception
{
    public InvalidRequestException()
    {
        Errors = [];
    }

    public InvalidRequestException(string message)
        : base(message)
    {
        Errors = [message];
    }

    public InvalidRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    public InvalidRequestException(string message, IReadOnlyList<string> errors)
        : base(message)
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }

    /// <summary>Throws when <paramref name="errors"/> is not empty, with <paramref name="summary"/> and each error.</summary>
    public static void ThrowIfAny(string summary, IReadOnlyList<string> errors)
    {
        if (errors.Count > 0)
        {
            throw new InvalidRequestException(errors.Count == 1 ? $"{summary} {errors[0]}" : $"{summary} {errors.Count} problems: {string.Join(" ", errors)}", errors);
        }
    }
}
