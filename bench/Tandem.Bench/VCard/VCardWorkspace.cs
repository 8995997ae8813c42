namespace Tandem.Bench.VCard;

/// <summary>
/// The folders of one size of the <c>vcard</c> scenario under a temp root: the generated pair, and a fresh
/// identical copy of it for Tandem and for vdirsyncer on every run. Deleted on dispose.
/// </summary>
public sealed class VCardWorkspace : IDisposable
{
    private VCardWorkspace(string root, int size)
    {
        Root = root;
        Size = size;
    }

    public string Root { get; }

    public int Size { get; }

    public string GeneratedA => Path.Combine(Root, "generated", "a");

    public string GeneratedB => Path.Combine(Root, "generated", "b");

    public string TandemA => Path.Combine(Root, "tandem", "a");

    public string TandemB => Path.Combine(Root, "tandem", "b");

    public string VdirA => Path.Combine(Root, "vdirsyncer", "a");

    public string VdirB => Path.Combine(Root, "vdirsyncer", "b");

    public string VdirWork => Path.Combine(Root, "vdirsyncer", "work");

    public static VCardWorkspace Generate(int size)
    {
        var workspace = new VCardWorkspace(Path.Combine(Path.GetTempPath(), "tandem-bench-vcard", $"{size}-{Guid.NewGuid():N}"), size);
        CardFolderGenerator.Generate(workspace.GeneratedA, workspace.GeneratedB, size);
        return workspace;
    }

    /// <summary>Fresh copies of the generated folders for both tools, and an empty vdirsyncer status.</summary>
    public void ResetCopies()
    {
        foreach (var folder in new[] { Path.Combine(Root, "tandem"), Path.Combine(Root, "vdirsyncer") })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        Copy(GeneratedA, TandemA);
        Copy(GeneratedB, TandemB);
        Copy(GeneratedA, VdirA);
        Copy(GeneratedB, VdirB);
        Directory.CreateDirectory(VdirWork);
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            var target = Path.Combine(to, Path.GetFileName(file));
            File.Copy(file, target);
            File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(file));
        }
    }
}
