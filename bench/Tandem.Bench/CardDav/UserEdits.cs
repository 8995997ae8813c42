using Tandem.Bench.VCard;

namespace Tandem.Bench.CardDav;

/// <summary>
/// What the user does between two syncs, played straight on the server (not counted): edit the title of 100 shared
/// cards in A; edit 100 others in both A and B differently (a conflict, A wins in both tools); delete 100 others in A.
/// The three sets are disjoint cards of the shared half N/2…N−1, spread over it. Titles carry no comma: the generator
/// writes them unescaped, and Radicale keeps only the text before an unescaped comma (both sides would then agree).
/// </summary>
public static class UserEdits
{
    public const int Count = 100;

    public static async Task EditInAAsync(DavBookClient raw, CardDavWorkspace workspace, string marker, CancellationToken cancellationToken)
    {
        var a = workspace.Flavour.BookPath(CardDavWorkspace.BookA);
        foreach (var (index, k) in Indexes(workspace.Size, 0))
        {
            await raw.PutAsync(a, CardFolderGenerator.FileName(index), CardFolderGenerator.Text(index, $"{marker} edited in A {k}"), cancellationToken);
        }
    }

    public static async Task EditInBothAsync(DavBookClient raw, CardDavWorkspace workspace, string marker, CancellationToken cancellationToken)
    {
        var a = workspace.Flavour.BookPath(CardDavWorkspace.BookA);
        var b = workspace.Flavour.BookPath(CardDavWorkspace.BookB);
        foreach (var (index, k) in Indexes(workspace.Size, 1))
        {
            await raw.PutAsync(a, CardFolderGenerator.FileName(index), CardFolderGenerator.Text(index, $"{marker} conflict in A {k}"), cancellationToken);
            await raw.PutAsync(b, CardFolderGenerator.FileName(index), CardFolderGenerator.Text(index, $"{marker} conflict in B {k}"), cancellationToken);
        }
    }

    public static async Task DeleteInAAsync(DavBookClient raw, CardDavWorkspace workspace, CancellationToken cancellationToken)
    {
        var a = workspace.Flavour.BookPath(CardDavWorkspace.BookA);
        foreach (var (index, _) in Indexes(workspace.Size, 2))
        {
            await raw.DeleteAsync(a, CardFolderGenerator.FileName(index), cancellationToken);
        }
    }

    /// <summary>The <paramref name="set"/>-th of three disjoint sets of 100 shared cards.</summary>
    private static IEnumerable<(int Index, int K)> Indexes(int size, int set)
    {
        var stride = size / 2 / Count;
        if (stride < 3)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"The carddav scenario needs at least {6 * Count} cards per book.");
        }

        return Enumerable.Range(0, Count).Select(k => ((size / 2) + (k * stride) + set, k));
    }
}
