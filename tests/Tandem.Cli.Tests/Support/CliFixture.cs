using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Tandem.Connectors.InMemory;

namespace Tandem.Cli.Tests.Support;

/// <summary>A temp folder with two vCard folders, a SQLite file and a set-up file, and a way to run <c>tandem</c> on them in-process.</summary>
public sealed class CliFixture : IDisposable
{
    public CliFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "tandem-cli-tests", Guid.NewGuid().ToString("N"));
        FolderA = Directory.CreateDirectory(Path.Combine(Root, "personal")).FullName;
        FolderB = Directory.CreateDirectory(Path.Combine(Root, "work")).FullName;
        DatabasePath = Path.Combine(Root, "tandem.db");
        SetupPath = Path.Combine(Root, "setup.json");
    }

    public string Root { get; }

    public string FolderA { get; }

    public string FolderB { get; }

    public string DatabasePath { get; }

    public string SetupPath { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public Dictionary<string, string> Variables { get; } = [];

    public Task<CliRun> RunAsync(params string[] args) => RunOnAsync(DatabasePath, args);

    /// <summary>Runs <c>tandem</c> on another database than the fixture's (a restore's target).</summary>
    public async Task<CliRun> RunOnAsync(string database, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment(output, error)
        {
            Time = Time,
            GetVariable = name => Variables.GetValueOrDefault(name),
            InMemoryApps = new InMemoryAppRegistry(),
            ConsoleLogging = false,
            PromptSecret = _ => null,
        };
        var code = await CliApp.RunAsync([.. args, "--database", database], environment, TestContext.Current.CancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Writes the standard two-folder set-up file; <paramref name="connectionSettings"/> is the connection's settings JSON.</summary>
    public string WriteSetup(string connectionSettings = """{ "direction": "TwoWay" }""")
    {
        var json = $$"""
            {
              "accounts": [
                { "name": "personal", "app": "vcard-folder", "settings": { "path": {{Quote(FolderA)}}, "defaultRegion": "BE" } },
                { "name": "work", "app": "vcard-folder", "settings": { "path": {{Quote(FolderB)}} } }
              ],
              "connections": [
                { "name": "personal-work", "accountA": "personal", "accountB": "work", "settings": {{connectionSettings}} }
              ]
            }
            """;
        File.WriteAllText(SetupPath, json);
        return SetupPath;
    }

    public static void WriteCard(string folder, string id, string first, string last, string email) =>
        File.WriteAllText(Path.Combine(folder, id + ".vcf"), $"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:{id}\r\nFN:{first} {last}\r\nN:{last};{first};;;\r\nEMAIL:{email}\r\nEND:VCARD\r\n");

    /// <summary>Every file of a folder with its bytes, to compare before and after.</summary>
    public static SortedDictionary<string, string> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder).ToDictionary(f => Path.GetFileName(f), f => Convert.ToBase64String(File.ReadAllBytes(f))), StringComparer.Ordinal);

    /// <summary>The email lines of every card in a folder, sorted.</summary>
    public static IReadOnlyList<string> Emails(string folder) =>
        Directory.EnumerateFiles(folder, "*.vcf")
            .SelectMany(File.ReadAllLines)
            .Where(l => l.StartsWith("EMAIL", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..])
            .Order(StringComparer.Ordinal)
            .ToList();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Root, recursive: true);
    }

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
