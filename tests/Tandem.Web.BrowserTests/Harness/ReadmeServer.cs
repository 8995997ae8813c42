using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Tandem.Web.BrowserTests.Harness;

/// <summary>
/// Tandem started the way a newcomer starts it: the README's first set-up command, read from the README itself, run by
/// bash in the repository's root folder with the user's environment (no test settings, no environment name), as
/// its own process tree. Stopped with the whole tree on dispose.
/// </summary>
public sealed class ReadmeServer : IAsyncDisposable
{
    /// <summary>The README promises the web app on this address.</summary>
    public static readonly Uri Address = new("http://127.0.0.1:5080/");

    private readonly Process process;
    private readonly StringBuilder output;
    private readonly string? dataFolderToRemove;

    private ReadmeServer(Process process, StringBuilder output, string command, string? dataFolderToRemove)
    {
        this.process = process;
        this.output = output;
        Command = command;
        this.dataFolderToRemove = dataFolderToRemove;
    }

    /// <summary>The command as the README gives it.</summary>
    public string Command { get; }

    /// <summary>What the process printed so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Runs the README's run command and waits until the web app answers (the first build can take minutes).</summary>
    public static async Task<ReadmeServer> StartAsync(TimeSpan patience, CancellationToken cancellationToken)
    {
        var root = RepositoryRoot();
        var command = Readme.SetUpCommands(root)[0];
        if (await AnswersAsync(Address, cancellationToken))
        {
            throw new InvalidOperationException($"Something already listens on {Address}; stop it to run this test (it starts Tandem there, as the README does).");
        }

        var dataFolder = Path.Combine(root, "src", "Tandem.Web", "tandem-data");
        var info = new ProcessStartInfo("bash", ["-c", command])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // A user's shell names no environment: the app must work as Production. Nothing else is changed.
        info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        info.Environment.Remove("DOTNET_ENVIRONMENT");
        var output = new StringBuilder();
        var process = Process.Start(info) ?? throw new InvalidOperationException("bash did not start.");
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ReadmeServer(process, output, command, Directory.Exists(dataFolder) ? null : dataFolder);
        try
        {
            var deadline = Stopwatch.StartNew();
            while (!await AnswersAsync(Address, cancellationToken))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"`{command}` ended with exit code {process.ExitCode} before serving {Address}:\n{server.Output}");
                }

                if (deadline.Elapsed > patience)
                {
                    throw new TimeoutException($"`{command}` did not serve {Address} within {patience.TotalSeconds:0} s:\n{server.Output}");
                }

                await Task.Delay(500, cancellationToken);
            }

            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        if (dataFolderToRemove is not null)
        {
            try
            {
                Directory.Delete(dataFolderToRemove, recursive: true);
            }
            catch (IOException)
            {
                // The folder did not exist before the test; leaving it is harmless.
            }
        }
    }

    /// <summary>The folder with the README and the solution, above the test's output folder.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "README.md")) && File.Exists(Path.Combine(dir.FullName, "Tandem.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository's root (README.md beside Tandem.slnx) is not above the test folder.");
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static async Task<bool> AnswersAsync(Uri address, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(address.Host, address.Port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
