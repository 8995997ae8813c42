namespace Tandem.Bench.VCard;

/// <summary>
/// Two folders compared card by card through <see cref="NormalisedCard"/>: cards paired by their e-mails,
/// content compared property by property; UIDs counted apart (Tandem gives cards it creates its own UID).
/// </summary>
public sealed record FolderComparison(string Left, string Right, int LeftCards, int RightCards, int OnlyLeft, int OnlyRight, int Different, int SameUid, IReadOnlyList<string> Samples)
{
    public bool Equivalent => OnlyLeft == 0 && OnlyRight == 0 && Different == 0 && LeftCards == RightCards;

    public static FolderComparison Compare(string leftName, string left, string rightName, string right) =>
        Compare(leftName, Load(left), rightName, Load(right));

    /// <summary>Two sets of cards (an address book read back from a server), paired the same way.</summary>
    public static FolderComparison Compare(string leftName, IReadOnlyList<NormalisedCard> left, string rightName, IReadOnlyList<NormalisedCard> right)
    {
        var l = Distinct(left);
        var r = Distinct(right);
        var samples = new List<string>();
        var onlyLeft = l.Keys.Count(k => !r.ContainsKey(k));
        var onlyRight = r.Keys.Count(k => !l.ContainsKey(k));
        samples.AddRange(l.Keys.Where(k => !r.ContainsKey(k)).Take(2).Select(k => $"only in {leftName}: {k}"));
        samples.AddRange(r.Keys.Where(k => !l.ContainsKey(k)).Take(2).Select(k => $"only in {rightName}: {k}"));
        var different = 0;
        var sameUid = 0;
        foreach (var (key, card) in l)
        {
            if (!r.TryGetValue(key, out var other))
            {
                continue;
            }

            if (card.Uid is not null && card.Uid == other.Uid)
            {
                sameUid++;
            }

            if (card.Content != other.Content)
            {
                different++;
                if (samples.Count < 6)
                {
                    var missing = card.Properties.Except(other.Properties).ToList();
                    var extra = other.Properties.Except(card.Properties).ToList();
                    samples.Add($"{key}: {leftName} has [{string.Join("; ", missing)}], {rightName} has [{string.Join("; ", extra)}]");
                }
            }
        }

        return new FolderComparison(leftName, rightName, left.Count, right.Count, onlyLeft, onlyRight, different, sameUid, samples);
    }

    public string Summary() =>
        $"{Left} vs {Right}: {LeftCards} vs {RightCards} cards, only in {Left} {OnlyLeft}, only in {Right} {OnlyRight}, " +
        $"different content {Different}, same UID {SameUid} -> {(Equivalent ? "equivalent" : "DIFFERENT")}";

    /// <summary>Every card of a vdir folder (dot files left out).</summary>
    private static List<NormalisedCard> Load(string folder) =>
        Directory.EnumerateFiles(folder, "*.vcf").Where(f => !Path.GetFileName(f).StartsWith('.')).Select(NormalisedCard.Read).ToList();

    /// <summary>Cards by key; a second card with the same e-mails is a duplicate, seen through the card count.</summary>
    private static Dictionary<string, NormalisedCard> Distinct(IReadOnlyList<NormalisedCard> cards)
    {
        var byKey = new Dictionary<string, NormalisedCard>(StringComparer.Ordinal);
        foreach (var card in cards)
        {
            byKey.TryAdd(card.Key, card);
        }

        return byKey;
    }
}
