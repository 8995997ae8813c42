namespace Tandem.Web.Services.Matching;

/// <summary>Two contacts, one in each app, that are likely one person: the user links them or keeps them apart.</summary>
/// <param name="Id">The proposal's id, for linking or keeping apart.</param>
/// <param name="Because">What they have in common, in words ("the same name and the same phone number").</param>
/// <param name="A">The contact in the connection's first app.</param>
/// <param name="B">The contact in its second app.</param>
public sealed record PossibleMatchView(long Id, string Because, ContactCard A, ContactCard B);
