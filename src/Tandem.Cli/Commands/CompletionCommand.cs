using System.CommandLine;

namespace Tandem.Cli.Commands;

/// <summary>
/// <c>tandem completion bash|zsh|fish|pwsh</c>: prints the shell's completion script. Each script asks <c>tandem</c>
/// itself for the completions through System.CommandLine's <c>[suggest:POSITION]</c> directive (the protocol
/// dotnet-suggest uses), so it works offline and needs nothing installed besides <c>tandem</c>; completions always
/// match the installed version's commands and options.
/// </summary>
internal static class CompletionCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh, fish or pwsh." };
        shell.AcceptOnlyFromAmong("bash", "zsh", "fish", "pwsh");
        var command = new Command("completion", "Print the shell completion script for tandem's commands and options (e.g. source <(tandem completion bash)).") { shell };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await environment.Out.WriteAsync(Script(parse.GetValue(shell)!));
            return ExitCodes.Ok;
        });
        return command;
    }

    // Each script drops the first word (the command's name) and passes the rest of the line up to the cursor, with the
    // cursor's position in it; tandem answers one completion a line.
    private static string Script(string shell) => shell switch
    {
        "bash" => """
            # tandem completion for bash: add `source <(tandem completion bash)` to ~/.bashrc
            _tandem_complete()
            {
                local line="${COMP_LINE:0:COMP_POINT}"
                local rest=""
                [[ "$line" == *[[:space:]]* ]] && rest="${line#*[[:space:]]}"
                local IFS=$'\n'
                COMPREPLY=( $(compgen -W "$(tandem "[suggest:${#rest}]" "$rest" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}") )
            }
            complete -o default -F _tandem_complete tandem

            """,
        "zsh" => """
            # tandem completion for zsh: add `source <(tandem completion zsh)` to ~/.zshrc (after compinit)
            _tandem_complete()
            {
                local line="${BUFFER[1,CURSOR]}"
                local rest=""
                [[ "$line" == *[[:space:]]* ]] && rest="${line#*[[:space:]]}"
                local -a completions
                completions=("${(@f)$(tandem "[suggest:${#rest}]" "$rest" 2>/dev/null)}")
                compadd -a completions
            }
            compdef _tandem_complete tandem

            """,
        "fish" => """
            # tandem completion for fish: tandem completion fish > ~/.config/fish/completions/tandem.fish
            function __tandem_complete
                set -l rest (string replace -r '^\S+\s*' '' -- (commandline -cp))
                tandem "[suggest:"(string length -- "$rest")"]" "$rest" 2>/dev/null
            end
            complete -c tandem -f -a '(__tandem_complete)'

            """,
        _ => """
            # tandem completion for PowerShell: add `tandem completion pwsh | Out-String | Invoke-Expression` to $PROFILE
            Register-ArgumentCompleter -Native -CommandName tandem -ScriptBlock {
                param($wordToComplete, $commandAst, $cursorPosition)
                $line = $commandAst.ToString()
                $line = $line.Substring(0, [Math]::Min($line.Length, $cursorPosition - $commandAst.Extent.StartOffset))
                $rest = $line -replace '^\S+\s*', ''
                tandem "[suggest:$($rest.Length)]" "$rest" 2>$null | ForEach-Object {
                    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                }
            }

            """,
    };
}
