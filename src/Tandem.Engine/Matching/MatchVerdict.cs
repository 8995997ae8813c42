using System.Globalization;

namespace Tandem.Engine.Matching;

/// <summary>
/// What matching concluded about an unlinked record that shares a key but could not be linked, kept
/// with the record so planning can say why it is not created.
/// </summary>
/// <param name="Issue">Why it could not be linked.</param>
/// <param name="Kind">The kind of key it shares (<see cref="MatchKey.EmailKind"/>…).</param>
/// <param name="Peers">For a twin: the records of its side that share the key (itself included); else the records tied together.</param>
public sealed record MatchVerdict(MatchIssue Issue, string Kind, int Peers)
{
    /// <summary>The stored form, "1:email:2".</summary>
    public string Format() => string.Create(CultureInfo.InvariantCulture, $"{(int)Issue}:{Kind}:{Peers}");

    public static MatchVerdict? Parse(string? stored)
    {
        var parts = stored?.Split(':');
        return parts is [var issue, var kind, var peers]
            && int.TryParse(issue, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            && int.TryParse(peers, NumberStyles.None, CultureInfo.InvariantCulture, out var p)
            ? new MatchVerdict((MatchIssue)i, kind, p)
            : null;
    }
}
