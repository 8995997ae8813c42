using Tandem.Cli.Tests.Support;

namespace Tandem.Cli.Tests.Commands;

/// <summary>
/// <c>tandem</c> on the PATH: <c>scripts/install-cli.sh</c> packs the CLI as a .NET tool and installs it (here into a
/// temp tool path), and the installed <c>tandem</c> runs the README's command-line examples as written.
/// </summary>
public sealed class ToolInstallTests : IDisposable
{
    private readonly CliFixture cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task The_install_script_puts_a_tandem_that_runs_the_documented_examples()
    {
        var bash = ExternalTool.Require("bash");
        var tools = Path.Combine(cli.Root, "tools");
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";

        var install = await ExternalTool.RunAsync(bash, [Path.Combine(RepositoryRoot(), "scripts", "install-cli.sh"), "--no-build", "--configuration", configuration, "--tool-path", tools]);

        Assert.True(install.ExitCode == 0, install.Output);
        Assert.Contains("installed", install.Output, StringComparison.Ordinal);
        var environment = new Dictionary<string, string> { ["PATH"] = tools + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH") };

        // The CLI README's examples, in order, from a folder of their own (the demo's lines need its folders).
        var lines = new[]
        {
            "tandem --help",
            "tandem demo --once",
            "export TANDEM_DATABASE=tandem-demo/tandem.db",
            "tandem setup tandem-demo/setup.json",
            "tandem sync tandem-demo/setup.json --dry-run",
            "tandem sync tandem-demo/setup.json",
            "tandem sync tandem-demo/setup.json --rescan --verbose",
            "tandem status",
            "tandem log crm-phone --limit 5",
            "tandem --log-format json --verbose sync tandem-demo/setup.json",
            "source <(tandem completion bash)",
            "complete -p tandem",
        };
        var script = "set -e\n" + string.Join("\n", lines.Select(l => $"echo '>>> {l}'\n{l}"));
        var (code, output, error) = await ExternalTool.RunSeparatelyAsync(bash, ["-c", script], cli.Root, environment);

        Assert.True(code == 0, output + error);
        Assert.Contains("Tandem keeps the contacts of two apps in sync.", output, StringComparison.Ordinal);
        Assert.Contains("connection 'crm-phone': unchanged", output, StringComparison.Ordinal);
        Assert.Contains("complete -o default -F _tandem_complete tandem", output, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Tandem.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The tests do not run inside the repository.");
    }
}
