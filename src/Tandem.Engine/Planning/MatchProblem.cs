using Tandem.Engine.Matching;

namespace Tandem.Engine.Planning;

/// <summary>The health reason of a record that matching reported: what is ambiguous, in plain words.</summary>
public static class MatchProblem
{
    public static string Describe(MatchVerdict verdict, string sideName, string otherName)
    {
        var (what, whats) = MatchKey.Describe(verdict.Kind);
        return verdict.Issue switch
        {
            MatchIssue.SameSideTwin => $"Ambiguous: {verdict.Peers} contacts in {sideName} share this {what}.",
            MatchIssue.HeldByLinked => $"Ambiguous: this {what} already belongs to another linked contact in {otherName}.",
            MatchIssue.PossibleMatch => $"Possible match: {(verdict.Peers == 2 ? "a contact" : $"{verdict.Peers - 1} contacts")} in {otherName} {(verdict.Peers == 2 ? "has" : "have")} the same name and the same phone number or company " +
                "but no email in common. Tandem waits for you to link them or keep them apart under Possible matches on the connection page.",
            _ => $"Ambiguous: its {whats} tie it to {verdict.Peers - 1} other contacts in {sideName} and {otherName} that share different {whats} " +
                $"(each shares one with the next); Tandem does not guess which of them are the same person. Link them by hand or give each its own {what}.",
        };
    }
}
