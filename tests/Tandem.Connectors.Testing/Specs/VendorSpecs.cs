namespace Tandem.Connectors.Testing.Specs;

/// <summary>
/// The vendors' API descriptions of the repository's <c>specs/</c> folder, which the test project copies into its
/// output folder at build, so the tests read nothing from outside the repository.
/// </summary>
public static class VendorSpecs
{
    public static string PathOf(string relativePath)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "specs", relativePath);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"specs/{relativePath} is not beside the tests; is it in the repository's specs folder?", path);
    }
}
