namespace Tandem.Bench.CardDav;

/// <summary>
/// One CardDAV server product as the <c>carddav</c> scenario runs it: how to start it on 127.0.0.1 over a storage
/// folder, where its address books live, and how cards written straight into a book's folder become visible to it.
/// </summary>
public abstract class DavFlavour
{
    public abstract string Name { get; }

    public abstract string Executable { get; }

    public abstract string UserName { get; }

    public abstract string Password { get; }

    /// <summary>The collection path of the address book named <paramref name="book"/> ("/alice/a/").</summary>
    public abstract string BookPath(string book);

    /// <summary>The folder on disk that holds the book's cards.</summary>
    public abstract string BookFolder(string storage, string book);

    public abstract IEnumerable<string> Arguments(int port, string storage);

    /// <summary>Called once before the first start (Radicale's user file).</summary>
    public virtual void Prepare(string storage)
    {
    }

    /// <summary>Cards were written into the book's folder while the server was stopped: make them part of the book.</summary>
    public virtual Task AdoptSeededCardsAsync(string bookFolder, CancellationToken cancellationToken) => Task.CompletedTask;

    public static string? Find(string executable) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':')
            .Select(dir => Path.Combine(dir, executable))
            .FirstOrDefault(File.Exists);
}
