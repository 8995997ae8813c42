namespace Tandem.Cli.Tests.Support;

/// <summary>What one in-process <c>tandem</c> call printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public IReadOnlyList<string> Lines => Out.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
}
