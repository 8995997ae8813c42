using System.Globalization;
using System.Text;
using Tandem.Connectors.Contract;

namespace Tandem.Connectors.VCardFolder.Folder;

/// <summary>
/// The folder of cards on disk: lazy listing, version stamps from file metadata, reads, and atomic
/// writes through a dot-prefixed temporary file renamed over the target.
/// </summary>
internal sealed class VdirFolder
{
    /// <summary>Larger files are refused: a card with a huge embedded photo or a hostile file must not exhaust memory.</summary>
    public const long MaxCardBytes = 16 * 1024 * 1024;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly EnumerationOptions Listing = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = true,
        AttributesToSkip = FileAttributes.Directory,
        MatchType = MatchType.Simple,
    };

    private static long tempCounter;

    public VdirFolder(string path)
    {
        Path = path;
    }

    public string Path { get; }

    /// <summary>The version stamp: last-write time and length, so listing versions needs no file reads.</summary>
    public static string Stamp(FileInfo file) =>
        string.Create(CultureInfo.InvariantCulture, $"{file.LastWriteTimeUtc.Ticks:x}-{file.Length:x}");

    public void EnsureExists()
    {
        if (!Directory.Exists(Path))
        {
            throw new ConnectorException($"The vCard folder '{Path}' does not exist or is not a folder.");
        }
    }

    /// <summary>The card files, enumerated lazily (never the whole listing in memory).</summary>
    public IEnumerable<FileInfo> EnumerateCards()
    {
        EnsureExists();
        return new DirectoryInfo(Path).EnumerateFiles("*", Listing).Where(f => CardFileNames.IsCard(f.Name));
    }

    /// <summary>The card file with this id (its file name), or null when it does not exist or the id is not a card name.</summary>
    public FileInfo? Find(string id)
    {
        if (!CardFileNames.IsCard(id) || id != System.IO.Path.GetFileName(id))
        {
            return null;
        }

        var file = new FileInfo(System.IO.Path.Combine(Path, id));
        return file.Exists ? file : null;
    }

    public static Task<string> ReadAsync(FileInfo file, CancellationToken cancellationToken) =>
        File.ReadAllTextAsync(file.FullName, Encoding.UTF8, cancellationToken);

    /// <summary>
    /// Writes a card so readers see either the old or the new file, never a half-written one: the content
    /// goes to a dotfile in the same folder (same file system, so the rename is atomic), is flushed to
    /// disk, then renamed over the target. Returns the written file.
    /// </summary>
    public async Task<FileInfo> WriteAtomicallyAsync(string fileName, string content, bool overwrite, CancellationToken cancellationToken)
    {
        var target = System.IO.Path.Combine(Path, fileName);
        var temp = System.IO.Path.Combine(Path, string.Create(
            CultureInfo.InvariantCulture,
            $".{fileName}.{Environment.ProcessId}.{Interlocked.Increment(ref tempCounter)}.tmp"));
        try
        {
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(Utf8NoBom.GetBytes(content), cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, target, overwrite);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }

        var written = new FileInfo(target);
        written.Refresh();
        return written;
    }
}
