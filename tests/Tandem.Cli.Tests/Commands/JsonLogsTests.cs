using System.Text.Json;
using Tandem.Cli.Tests.Support;

namespace Tandem.Cli.Tests.Commands;

/// <summary>
/// <c>--log-format json</c>: the real process logs one JSON object a line on standard error, and every line a run
/// writes carries the connection's id and the run's id (issue 22), while standard output keeps the results only.
/// </summary>
public sealed class JsonLogsTests : IDisposable
{
    private readonly CliFixture cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Every_log_line_of_a_run_is_json_with_its_connection_and_run_id()
    {
        CliFixture.WriteCard(cli.FolderA, "ann", "Ann", "Lee", "ann@example.com");
        var setup = cli.WriteSetup();

        var (code, output, error) = await ExternalTool.RunSeparatelyAsync(
            TandemProcess.Dotnet,
            [TandemProcess.Dll, "sync", setup, "--database", cli.DatabasePath, "--verbose", "--log-format", "json"],
            cli.Root);

        Assert.True(code == 0, output + error);
        Assert.Contains("connection 'personal-work': completed", output, StringComparison.Ordinal);
        var lines = error.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var runLines = lines.Where(l => l.GetProperty("Category").GetString()!.StartsWith("Tandem.Engine", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(runLines);
        var runIds = runLines.Select(l => Scope(l, "RunId")).Distinct().ToList();
        Assert.All(runLines, l => Assert.False(string.IsNullOrEmpty(Scope(l, "ConnectionId"))));
        Assert.Single(runIds);
        Assert.False(string.IsNullOrEmpty(runIds[0]));
        Assert.DoesNotContain("ann@example.com", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_the_plain_format_each_line_of_a_run_names_its_connection_and_run_in_words_not_a_type_name()
    {
        CliFixture.WriteCard(cli.FolderA, "ann", "Ann", "Lee", "ann@example.com");
        var setup = cli.WriteSetup();

        var (code, output, error) = await ExternalTool.RunSeparatelyAsync(
            TandemProcess.Dotnet,
            [TandemProcess.Dll, "sync", setup, "--database", cli.DatabasePath, "--verbose"],
            cli.Root);

        Assert.True(code == 0, output + error);
        var engineLines = error.ReplaceLineEndings("\n").Split('\n').Where(l => l.Contains("Tandem.Engine.SyncEngine", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(engineLines);
        Assert.All(engineLines, l => Assert.Matches(@"=> ConnectionId:[0-9a-f]+ => RunId:\d+ ConnectionId:[0-9a-f]+ ", l));
        Assert.DoesNotContain("System.Collections", error, StringComparison.Ordinal);
    }

    /// <summary>A value from the line's scopes (the JSON console formatter writes each scope's properties in "Scopes").</summary>
    private static string? Scope(JsonElement line, string name) =>
        line.TryGetProperty("Scopes", out var scopes)
            ? scopes.EnumerateArray()
                .Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty(name, out _))
                .Select(s => s.GetProperty(name).ToString())
                .FirstOrDefault()
            : null;
}
