using System.Diagnostics;

namespace Tandem.Bench.CardDav;

/// <summary>
/// Xandikos 0.2: every collection is a git repository with a working tree; the book's content is the committed
/// tree, so seeded cards are committed with git while the server is stopped. No authentication of its own.
/// </summary>
public sealed class XandikosFlavour : DavFlavour
{
    public override string Name => "Xandikos";

    public override string Executable => "xandikos";

    public override string UserName => "user";

    public override string Password => "unused";

    public override string BookPath(string book) => $"/user/contacts/{book}/";

    public override string BookFolder(string storage, string book) => Path.Combine(storage, "data", "user", "contacts", book);

    public override IEnumerable<string> Arguments(int port, string storage) =>
        ["--defaults", "-d", Path.Combine(storage, "data"), "-l", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)];

    public override async Task AdoptSeededCardsAsync(string bookFolder, CancellationToken cancellationToken)
    {
        await GitAsync(bookFolder, cancellationToken, "add", "-A");
        await GitAsync(bookFolder, cancellationToken, "-c", "user.name=Tandem bench", "-c", "user.email=bench@localhost", "commit", "-q", "-m", "Seeded by the Tandem bench");
    }

    private static async Task GitAsync(string folder, CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start) ?? throw new InvalidOperationException("git did not start.");
        var errors = git.StandardError.ReadToEndAsync(cancellationToken);
        await git.StandardOutput.ReadToEndAsync(cancellationToken);
        await git.WaitForExitAsync(cancellationToken);
        if (git.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {arguments[^1]} failed in {folder}: {(await errors).Trim()}");
        }
    }
}
