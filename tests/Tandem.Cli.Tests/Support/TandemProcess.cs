namespace Tandem.Cli.Tests.Support;

/// <summary>The built <c>tandem</c> run as its own process (<c>dotnet tandem.dll</c>), for what only a real process shows: its console logs, a shell calling it.</summary>
public static class TandemProcess
{
    /// <summary>The CLI's assembly beside the tests (the project reference copies it with its runtime config).</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "tandem.dll");

    /// <summary>The <c>dotnet</c> host running these tests, so the CLI runs on the same runtime.</summary>
    public static string Dotnet => Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet"
        ? host
        : ExternalTool.Find("dotnet") ?? throw new InvalidOperationException("dotnet is not on the PATH.");

    public static Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, params string[] args) =>
        ExternalTool.RunAsync(Dotnet, [Dll, .. args], workingDirectory);
}
