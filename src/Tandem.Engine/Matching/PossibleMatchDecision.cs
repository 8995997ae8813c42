namespace Tandem.Engine.Matching;

/// <summary>What the user said about a possible match; stored, so the next runs respect it.</summary>
public enum PossibleMatchDecision
{
    /// <summary>Waiting for the user; neither record is created on the other side meanwhile.</summary>
    Pending = 0,

    /// <summary>They are one person: the next run links them and they sync as one.</summary>
    Link = 1,

    /// <summary>They are two people: the pair is never proposed again and each is synced on its own.</summary>
    KeepApart = 2,
}
