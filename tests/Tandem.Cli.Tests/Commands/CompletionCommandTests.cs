using Tandem.Cli.Tests.Support;

namespace Tandem.Cli.Tests.Commands;

/// <summary>
/// Shell completion: tandem answers System.CommandLine's <c>[suggest:N]</c> directive with its commands and options, and
/// the bash script of <c>tandem completion bash</c>, run by a real bash, completes from those answers.
/// </summary>
public sealed class CompletionCommandTests : IDisposable
{
    private readonly CliFixture cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task A_partial_command_is_completed_to_the_commands_it_starts()
    {
        var run = await SuggestAsync(2, "sy");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("sync", run.Lines);
        Assert.DoesNotContain("status", run.Lines);
    }

    [Fact]
    public async Task A_partial_option_is_completed_to_the_commands_options()
    {
        var run = await SuggestAsync(15, "sync setup --dr");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["--dry-run"], run.Lines);
    }

    /// <summary>What a shell's completion script sends: the directive with the cursor's position, and the line after the command's name.</summary>
    private static async Task<CliRun> SuggestAsync(int position, string line)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync([$"[suggest:{position}]", line], output, error, TestContext.Current.CancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _tandem_complete tandem")]
    [InlineData("zsh", "compdef _tandem_complete tandem")]
    [InlineData("fish", "complete -c tandem -f -a '(__tandem_complete)'")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName tandem -ScriptBlock {")]
    public async Task Each_shell_gets_a_script_that_registers_the_completion(string shell, string registration)
    {
        var run = await cli.RunAsync("completion", shell);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(registration, run.Lines);
    }

    [Fact]
    public async Task An_unknown_shell_is_refused()
    {
        var run = await cli.RunAsync("completion", "tcsh");

        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public async Task The_bash_script_completes_a_command_and_an_option_in_a_real_bash()
    {
        var bash = ExternalTool.Require("bash");
        var script = $$"""
            tandem() { "{{TandemProcess.Dotnet}}" "{{TandemProcess.Dll}}" "$@"; }
            source <(tandem completion bash)
            COMP_LINE="tandem disc"; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(tandem disc); COMP_CWORD=1
            _tandem_complete; echo "1:${COMPREPLY[*]}"
            COMP_LINE="tandem sync setup.json --re"; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(tandem sync setup.json --re); COMP_CWORD=3
            _tandem_complete; echo "2:${COMPREPLY[*]}"
            """;

        var (code, output, error) = await ExternalTool.RunSeparatelyAsync(bash, ["-c", script], cli.Root);

        Assert.True(code == 0, error);
        Assert.Equal(["1:discover", "2:--rescan"], output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
    }
}
