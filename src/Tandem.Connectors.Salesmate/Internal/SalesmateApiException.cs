using Tandem.Connectors.Http;

namespace Tandem.Connectors.Salesmate.Internal;

/// <summary>
/// Salesmate answered <c>Status: failure</c>, with or without an error status: most failures (an unknown record, a
/// missing required field) come as HTTP 200. <c>AppReason</c> is Salesmate's message, about the request and
/// never contact data.
/// </summary>
internal sealed class SalesmateApiException : ApiErrorException
{
    public SalesmateApiException(int status, string code, string name, string salesmateMessage)
        : base(status, Describe(status, code, name), salesmateMessage)
    {
        Code = code;
        Name = name;
    }

    public SalesmateApiException()
        : this(0, string.Empty, string.Empty, string.Empty)
    {
    }

    public SalesmateApiException(string message)
        : base(message)
    {
    }

    public SalesmateApiException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Salesmate's error code ("4005").</summary>
    public string Code { get; } = string.Empty;

    /// <summary>Salesmate's error name ("ObjectNotFound").</summary>
    public string Name { get; } = string.Empty;

    /// <summary>The record does not exist (any more): never taken for a deletion, which only a complete listing shows.</summary>
    public bool IsObjectNotFound => Name == "ObjectNotFound" || Code == "4005";

    /// <summary>A failure inside a 200 answer: the request was refused for what it said, not for who sent it.</summary>
    public bool IsRefusal => Status is 200 or 400 or 404 or 409 or 422;

    /// <summary>Salesmate has no versioned writes: a stale version is found by the connector, never by the status.</summary>
    public override bool IsStaleVersion => false;

    private static string Describe(int status, string code, string name) =>
        status == 200 ? $"Salesmate refused the request ({(name.Length > 0 ? name : "failure")} {code})." : $"Salesmate answered {status}.";
}
