using Tandem.Domain.Configuration;
using Tandem.Domain.Contacts;

namespace Tandem.Engine.Planning;

/// <summary>Which rules of a side a record matches (filters ANDed within a rule, rules ORed).</summary>
public interface IRuleMatcher
{
    /// <summary>The ids of the rules of <paramref name="side"/> that <paramref name="record"/> matches.</summary>
    IReadOnlyList<Rule> Match(Side side, ContactRecord record, bool hasCounterpart);

    /// <summary>
    /// The rules of <paramref name="side"/> holding "gets deleted" that a contact just deleted there matches,
    /// tested against <paramref name="lastKnown"/>, its state when Tandem last read it.
    /// </summary>
    IReadOnlyList<Rule> MatchDeleted(Side side, ContactRecord lastKnown);
}
