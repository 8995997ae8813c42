namespace Tandem.Web.Services.Status;

/// <summary>One of a set of twins. Its name and email are the user's own data: show them to the user, never log them.</summary>
/// <param name="RecordId">Its id in its app.</param>
/// <param name="Name">Its name as Tandem last saw it, when known.</param>
/// <param name="Email">Its primary email, normalised, when it has one.</param>
public sealed record DuplicateContact(string RecordId, string? Name, string? Email);
