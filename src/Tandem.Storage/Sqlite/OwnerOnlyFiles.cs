namespace Tandem.Storage.Sqlite;

/// <summary>
/// A SQLite database holds contact snapshots, password hashes and token hashes: its file is readable by its owner only
/// (0600). SQLite gives the write-ahead log and shared-memory files it creates the mode of the database file, so
/// creating the file first with that mode covers them; files left by an older version are tightened here too.
/// </summary>
public static class OwnerOnlyFiles
{
    /// <summary>Read and write for the owner, nothing for anyone else.</summary>
    public const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Read, write and enter for the owner only.</summary>
    public const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private static readonly string[] Companions = ["-wal", "-shm", "-journal"];

    /// <summary>Creates <paramref name="databaseFile"/> empty with mode 0600 when it is missing, else sets that mode on it and its companions.</summary>
    public static void PrepareDatabase(string databaseFile)
    {
        ArgumentNullException.ThrowIfNull(databaseFile);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (!System.IO.File.Exists(databaseFile))
        {
            try
            {
                using var created = new FileStream(databaseFile, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = File });
            }
            catch (IOException) when (System.IO.File.Exists(databaseFile))
            {
                // Another process created it meanwhile: tightened below.
            }
        }

        foreach (var path in Companions.Select(c => databaseFile + c).Prepend(databaseFile).Where(System.IO.File.Exists))
        {
            System.IO.File.SetUnixFileMode(path, File);
        }
    }

    /// <summary>Creates <paramref name="folder"/> (mode 0700) or sets that mode on it.</summary>
    public static void PrepareFolder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        Directory.CreateDirectory(folder, Folder);
        System.IO.File.SetUnixFileMode(folder, Folder);
    }
}
