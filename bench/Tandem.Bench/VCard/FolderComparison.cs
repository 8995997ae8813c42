namespace Tandem.Bench.VCard;

/// <summary>
/// Two folders compared card by card through <see cref="NormalisedCard"/>: cards paired by their e-mails,
/// content compared property by property; UIDs counted apart (Tandem gives cards it creates its own UID).
/// </summary>
public sealed record FolderComparison(string Left, string Right, int LeftCards, int RightCards, int OnlyLeft, int OnlyRight, int Different, int SameUid, IReadOnlyList<string> Samples)
{
    public bool Equivalent => OnlyLeft == 0 && OnlyRight == 0 && Different == 0 && LeftCards == RightCards;

    public static FolderComparison Compare(string leftName, string left, string rightName, string right)
    {
        var l = Load(left);
        var r = Load(right);
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

        var leftCards = l.Count + Duplicates(left, l.Count);
        var rightCards = r.Count + Duplicates(right, r.Count);
        return new FolderComparison(leftName, rightName, leftCards, rightCards, onlyLeft, onlyRight, different, sameUid, samples);
    }

    public string Summary() =>
        $"{Left} vs {Right}: {LeftCards} vs {RightCards} cards, only in {Left} {OnlyLeft}, only in {Right} {OnlyRight}, " +
        $"different content {Different}, same UID {SameUid} -> {(Equivalent ? "equivalent" : "DIFFERENT")}";

    /// <summary>Cards by key; a second card with the same e-mails is a duplicate, counted through the file count.</summary>
    private static Dictionary<string, NormalisedCard> Load(string folder)
    {
        var cards = new Dictionary<string, NormalisedCard>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.vcf"))
        {
            if (Path.GetFileName(file).StartsWith('.'))
            {
                continue;
            }

            var card = NormalisedCard.Read(file);
            cards.TryAdd(card.Key, card);
        }

        return cards;
    }

    private static int Duplicates(string folder, int distinct) =>
        Directory.EnumerateFiles(folder, "*.vcf").Count(f => !Path.GetFileName(f).StartsWith('.')) - distinct;
}
