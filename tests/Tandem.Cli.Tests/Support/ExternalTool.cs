using System.Diagnostics;

namespace Tandem.Cli.Tests.Support;

/// <summary>Finds and runs a program of this machine (Radicale, vdirsyncer); tests that need one are skipped without it.</summary>
public static class ExternalTool
{
    /// <summary>The executable's full path on the PATH, or null when it is not installed.</summary>
    public static string? Find(string executable) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Where(dir => dir.Length > 0)
            .Select(dir => Path.Combine(dir, executable))
            .FirstOrDefault(File.Exists);

    /// <summary>Skips the test, naming the package to install, when <paramref name="executable"/> is missing.</summary>
    public static string Require(string executable)
    {
        var path = Find(executable);
        if (path is null)
        {
            Assert.Skip($"{executable} is not installed (apt-get install {executable}); this test needs it.");
        }

        return path;
    }

    /// <summary>Runs a program to its end with stdin closed; returns its exit code and both outputs.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string executable, IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var (code, output, error) = await RunSeparatelyAsync(executable, arguments, workingDirectory, environment);
        return (code, output + error);
    }

    /// <summary>Like <see cref="RunAsync"/>, with standard output and standard error apart.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunSeparatelyAsync(string executable, IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{executable} did not start.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
