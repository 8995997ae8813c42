namespace Tandem.Apps.Tests;

/// <summary>The checkout the tests run from (the folder holding Tandem.slnx above the test's own output).</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Tandem.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Tandem.slnx above {AppContext.BaseDirectory}.");
    }

    /// <summary>The files under <paramref name="folder"/> (relative to the root), build output left out, as relative paths with slashes.</summary>
    public static IEnumerable<string> Files(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal));
}
