using System.Diagnostics;
using Tandem.Bench.VCard;

namespace Tandem.Bench.CardDav;

/// <summary>
/// The storage of one server for one size: seeded once on disk (books made by the server itself, then N cards per
/// book written into their folders while it is stopped, as in the <c>vcard</c> scenario: A holds cards 0…N−1, B
/// N/2…3N/2−1), read back once so the server has built its caches, then copied afresh for every tool run.
/// Deleted on dispose.
/// </summary>
public sealed class CardDavWorkspace : IDisposable
{
    public const string BookA = "a";
    public const string BookB = "b";

    private CardDavWorkspace(DavFlavour flavour, string root, int size)
    {
        Flavour = flavour;
        Root = root;
        Size = size;
    }

    public DavFlavour Flavour { get; }

    public string Root { get; }

    public int Size { get; }

    private string Generated => Path.Combine(Root, "generated");

    public static async Task<CardDavWorkspace> SeedAsync(DavFlavour flavour, int size, CancellationToken cancellationToken)
    {
        var workspace = new CardDavWorkspace(flavour, Path.Combine(Path.GetTempPath(), "tandem-bench-carddav", $"{flavour.Name.ToLowerInvariant()}-{size}-{Guid.NewGuid():N}"), size);
        var storage = workspace.Generated;
        Directory.CreateDirectory(storage);
        flavour.Prepare(storage);
        await using (var server = await DavServerProcess.StartAsync(flavour, storage, cancellationToken))
        {
            using var raw = new DavBookClient(server.BaseUrl, flavour);
            await raw.CreateBookAsync(flavour.BookPath(BookA), "Bench A", cancellationToken);
            await raw.CreateBookAsync(flavour.BookPath(BookB), "Bench B", cancellationToken);
        }

        var folderA = flavour.BookFolder(storage, BookA);
        var folderB = flavour.BookFolder(storage, BookB);
        CardFolderGenerator.Generate(folderA, folderB, size);
        await flavour.AdoptSeededCardsAsync(folderA, cancellationToken);
        await flavour.AdoptSeededCardsAsync(folderB, cancellationToken);

        await using (var server = await DavServerProcess.StartAsync(flavour, storage, cancellationToken))
        {
            using var raw = new DavBookClient(server.BaseUrl, flavour);
            foreach (var book in new[] { BookA, BookB })
            {
                var cards = await raw.ReadAllAsync(flavour.BookPath(book), cancellationToken);
                if (cards.Count != size)
                {
                    throw new InvalidOperationException($"{flavour.Name} shows {cards.Count} cards in book {book} after seeding {size}.");
                }
            }
        }

        return workspace;
    }

    /// <summary>A fresh copy of the seeded storage (files, caches, git repositories as they are) for one tool's run.</summary>
    public async Task<string> CopyForAsync(string tool, int run, CancellationToken cancellationToken)
    {
        var target = Path.Combine(Root, $"{tool}-{run}");
        var copy = new ProcessStartInfo("cp") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in new[] { "-a", Generated, target })
        {
            copy.ArgumentList.Add(argument);
        }

        using var process = Process.Start(copy) ?? throw new InvalidOperationException("cp did not start.");
        var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Copying the seeded storage failed: {errors.Trim()}");
        }

        return target;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
