namespace Tandem.Web.Services.Matching;

/// <summary>One contact as Tandem last saw it, in the words a person compares two contacts by. The user's own data: show, never log.</summary>
/// <param name="RecordId">Its id in its app.</param>
/// <param name="Name">Its name, when known.</param>
/// <param name="Emails">Its email addresses, primary first.</param>
/// <param name="Phones">Its phone numbers.</param>
/// <param name="Company">Its company, when it has one.</param>
public sealed record ContactCard(string RecordId, string? Name, IReadOnlyList<string> Emails, IReadOnlyList<string> Phones, string? Company);
