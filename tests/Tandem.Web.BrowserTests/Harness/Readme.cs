namespace Tandem.Web.BrowserTests.Harness;

/// <summary>The README's promises, read from the README itself so a test follows it when it changes.</summary>
public static class Readme
{
    public const string SetUpHeading = "## Set up on a fresh machine";

    /// <summary>The commands of the first code block under <see cref="SetUpHeading"/>, without their comments.</summary>
    public static IReadOnlyList<string> SetUpCommands(string repositoryRoot)
    {
        var lines = File.ReadAllLines(Path.Combine(repositoryRoot, "README.md"));
        var heading = Array.IndexOf(lines, SetUpHeading);
        if (heading < 0)
        {
            throw new InvalidDataException($"README.md has no heading '{SetUpHeading}'.");
        }

        var open = Array.FindIndex(lines, heading, l => l.StartsWith("```", StringComparison.Ordinal));
        var close = Array.FindIndex(lines, open + 1, l => l.StartsWith("```", StringComparison.Ordinal));
        return lines[(open + 1)..close]
            .Select(l => l.Split('#', 2)[0].Trim())
            .Where(l => l.Length > 0)
            .ToList();
    }
}
