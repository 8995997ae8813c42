using System.IO.Compression;
using Tandem.Storage;
using Tandem.Storage.Backups;
using Tandem.Storage.Secrets;

namespace Tandem.Runtime.Operations;

/// <summary>
/// <c>tandem backup</c> and <c>tandem restore</c> for SQLite: one zip file holding a consistent copy of the live
/// database (<see cref="SqliteOnlineBackup"/>) and the <see cref="KeyMaterial"/> beside it. The file holds the master
/// key, so it is created readable by its owner only; keep it as carefully as the data folder.
/// </summary>
public static class BackupArchive
{
    private const string DatabaseEntry = "tandem.db";
    private const string MasterKeyEntry = "tandem.key";

    /// <summary>Backs up the SQLite database of <paramref name="options"/> into the new file <paramref name="archivePath"/>.</summary>
    /// <param name="options">The database.</param>
    /// <param name="keyFilePath">The master key file; null means beside the database.</param>
    /// <param name="environment">Reads <c>TANDEM_MASTER_KEY</c>: when set, the key is the operator's to keep and is not in the backup.</param>
    /// <param name="archivePath">The backup file to create; an existing file is never overwritten.</param>
    /// <param name="cancellationToken">Stops the backup.</param>
    public static async Task<BackupSummary> CreateAsync(DatabaseOptions options, string? keyFilePath, Func<string, string?> environment, string archivePath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        await using var database = new TandemDatabase(options);
        var folder = Path.GetDirectoryName(database.SqliteFilePath ?? throw new NotSupportedException(
            "Only a SQLite database is backed up by tandem backup; back up PostgreSQL with pg_dump (see docs/operations.md)."))!;
        var archive = Path.GetFullPath(archivePath);
        var copy = archive + ".db.tmp";
        try
        {
            await SqliteOnlineBackup.CopyAsync(database, copy, cancellationToken);
            var files = new List<string> { DatabaseEntry };
            await using var stream = CreateOwnerOnly(archive);
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                await zip.CreateEntryFromFileAsync(copy, DatabaseEntry, CompressionLevel.Optimal, cancellationToken);
                var masterKeyIncluded = string.IsNullOrWhiteSpace(environment(SecretProtector.EnvironmentVariable));
                var keyFile = keyFilePath ?? database.DefaultKeyFilePath;
                if (masterKeyIncluded && File.Exists(keyFile))
                {
                    await zip.CreateEntryFromFileAsync(keyFile, MasterKeyEntry, CompressionLevel.Optimal, cancellationToken);
                    files.Add(MasterKeyEntry);
                }

                foreach (var (path, entry) in KeyFilesIn(folder))
                {
                    await zip.CreateEntryFromFileAsync(path, entry, CompressionLevel.Optimal, cancellationToken);
                    files.Add(entry);
                }

                return new BackupSummary(files, files.Contains(MasterKeyEntry));
            }
        }
        finally
        {
            File.Delete(copy);
        }
    }

    /// <summary>Puts a backup back as the SQLite database of <paramref name="options"/>, which must not exist yet.</summary>
    /// <param name="archivePath">A file made by <see cref="CreateAsync"/>.</param>
    /// <param name="options">Where the database goes; its key files go beside it.</param>
    /// <param name="keyFilePath">Where the master key goes; null means beside the database.</param>
    /// <param name="cancellationToken">Stops the restore.</param>
    /// <exception cref="IOException">The database or a key file is already there.</exception>
    /// <exception cref="InvalidDataException">The file is not a Tandem backup.</exception>
    public static async Task<BackupSummary> RestoreAsync(string archivePath, DatabaseOptions options, string? keyFilePath, CancellationToken cancellationToken)
    {
        await using var database = new TandemDatabase(options);
        var target = database.SqliteFilePath ?? throw new NotSupportedException(
            "tandem restore puts back a SQLite database; restore PostgreSQL with pg_restore (see docs/operations.md).");
        var folder = Path.GetDirectoryName(target)!;
        await using var stream = File.OpenRead(archivePath);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        if (zip.GetEntry(DatabaseEntry) is null)
        {
            throw new InvalidDataException($"'{archivePath}' is not a Tandem backup: it holds no {DatabaseEntry}.");
        }

        var destinations = zip.Entries.Where(e => e.Name.Length > 0).Select(e => (Entry: e, Path: e.FullName switch
        {
            DatabaseEntry => target,
            MasterKeyEntry => Path.GetFullPath(keyFilePath ?? database.DefaultKeyFilePath),
            _ => InsideFolder(folder, e.FullName),
        })).ToList();
        if (destinations.FirstOrDefault(d => File.Exists(d.Path)) is { Entry: not null } existing)
        {
            throw new IOException($"'{existing.Path}' already exists; restore into a new folder, or move the current data aside first.");
        }

        Directory.CreateDirectory(folder);
        foreach (var (entry, path) in destinations)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using var output = CreateOwnerOnly(path);
            await using var input = await entry.OpenAsync(cancellationToken);
            await input.CopyToAsync(output, cancellationToken);
        }

        return new BackupSummary([.. destinations.Select(d => d.Entry.FullName)], destinations.Any(d => d.Entry.FullName == MasterKeyEntry));
    }

    private static IEnumerable<(string Path, string Entry)> KeyFilesIn(string folder)
    {
        var webhookKey = Path.Combine(folder, KeyMaterial.WebhookKeyFile);
        if (File.Exists(webhookKey))
        {
            yield return (webhookKey, KeyMaterial.WebhookKeyFile);
        }

        var signInKeys = Path.Combine(folder, KeyMaterial.SignInKeysFolder);
        if (Directory.Exists(signInKeys))
        {
            foreach (var file in Directory.EnumerateFiles(signInKeys).Order(StringComparer.Ordinal))
            {
                yield return (file, KeyMaterial.SignInKeysFolder + "/" + Path.GetFileName(file));
            }
        }
    }

    // A backup names its own entries; one that points outside the folder is not ours.
    private static string InsideFolder(string folder, string entry)
    {
        var path = Path.GetFullPath(Path.Combine(folder, entry));
        var known = entry == KeyMaterial.WebhookKeyFile || (entry.StartsWith(KeyMaterial.SignInKeysFolder + "/", StringComparison.Ordinal) && entry.Count(c => c == '/') == 1);
        return known && path.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new InvalidDataException($"The backup holds an unexpected file '{entry}'; it was not made by tandem backup.");
    }

    private static FileStream CreateOwnerOnly(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }
}
