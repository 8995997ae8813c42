namespace Tandem.Engine.Matching;

/// <summary>Why an unlinked record could not be matched and must not be created either (SYNC-INVARIANTS 19).</summary>
public enum MatchIssue
{
    /// <summary>Another record on its own side holds one of its keys: a duplicate in the app.</summary>
    SameSideTwin = 1,

    /// <summary>One of its keys belongs to a record on the other side that is already linked to another contact.</summary>
    HeldByLinked = 2,

    /// <summary>Its keys tie it to several records through different keys (A has x,y; B has y,z; C has z): nothing says which are one person.</summary>
    Undecidable = 3,

    /// <summary>
    /// It shares no key with anyone, but a record on the other side has the same name and the same phone number
    /// or company: the pair waits for the user to link them or keep them apart.
    /// </summary>
    PossibleMatch = 4,
}
