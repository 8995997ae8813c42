using Tandem.Domain.Configuration;
using Tandem.Engine.Matching;

namespace Tandem.Engine.Tests.Matching;

/// <summary>Which unlinked records are proposed as possible matches after the key matching, and which are not.</summary>
public sealed class PossibleMatchFinderTests
{
    private const string Ann = "likely:ann lee|phone:32470000001";
    private static readonly string[] Email = [MatchKey.EmailKind];

    [Fact]
    public void Two_records_of_two_sides_with_one_likeness_key_are_proposed_and_held()
    {
        var holders = new[] { Holder(Side.A, "a1", "email:ann@work.example", Ann), Holder(Side.B, "b1", "email:ann@home.example", Ann) };

        var (pairs, verdicts) = PossibleMatchFinder.Find(holders, IdentityMatcher.Match(holders, Email), new HashSet<(string, string)>());

        Assert.Equal([new PossibleMatchPair("a1", "b1", Ann)], pairs);
        Assert.Equal(new MatchVerdict(MatchIssue.PossibleMatch, MatchKey.LikenessKind, 2), verdicts[(Side.A, "a1")]);
        Assert.Equal(new MatchVerdict(MatchIssue.PossibleMatch, MatchKey.LikenessKind, 2), verdicts[(Side.B, "b1")]);
    }

    [Fact]
    public void A_pair_kept_apart_is_not_proposed_and_its_records_are_free()
    {
        var holders = new[] { Holder(Side.A, "a1", Ann), Holder(Side.B, "b1", Ann) };

        var (pairs, verdicts) = PossibleMatchFinder.Find(holders, IdentityMatcher.Match(holders, Email), new HashSet<(string, string)> { ("a1", "b1") });

        Assert.Empty(pairs);
        Assert.Null(verdicts[(Side.A, "a1")]);
        Assert.Null(verdicts[(Side.B, "b1")]);
    }

    [Fact]
    public void Records_linked_by_a_key_reported_or_already_linked_are_never_proposed()
    {
        var holders = new[]
        {
            Holder(Side.A, "a1", "email:ann@example.com", Ann), Holder(Side.B, "b1", "email:ann@example.com", Ann),
            Holder(Side.A, "twin1", "email:bob@example.com", Ann), Holder(Side.A, "twin2", "email:bob@example.com"),
            new KeyHolder(Side.B, "linked", Linked: true, [Ann], Stored: null),
        };

        var (pairs, verdicts) = PossibleMatchFinder.Find(holders, IdentityMatcher.Match(holders, Email), new HashSet<(string, string)>());

        Assert.Empty(pairs);
        Assert.Equal(MatchIssue.SameSideTwin, verdicts[(Side.A, "twin1")]!.Issue);
    }

    [Fact]
    public void Two_records_of_one_side_are_no_possible_match()
    {
        var holders = new[] { Holder(Side.A, "a1", Ann), Holder(Side.A, "a2", Ann) };

        Assert.Empty(PossibleMatchFinder.Find(holders, IdentityMatcher.Match(holders, Email), new HashSet<(string, string)>()).Pairs);
    }

    private static KeyHolder Holder(Side side, string id, params string[] keys) => new(side, id, Linked: false, keys, Stored: null);
}
