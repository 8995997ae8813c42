namespace Tandem.Cli.Tests.Commands;

public sealed class DemoCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "tandem-demo-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_demo_syncs_its_two_sample_folders_into_the_same_fourteen_people()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CliApp.RunAsync(["demo", "--folder", folder, "--once"], output, error, TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error.ToString());
        Assert.Equal(14, Directory.GetFiles(Path.Combine(folder, "crm"), "*.vcf").Length);
        Assert.Equal(14, Directory.GetFiles(Path.Combine(folder, "phone"), "*.vcf").Length);
        Assert.Contains("Created \"Hedy Lamarr\" in demo-crm from demo-phone.", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Running_the_demo_again_writes_nothing()
    {
        await CliApp.RunAsync(["demo", "--folder", folder, "--once"], TextWriter.Null, TextWriter.Null, TestContext.Current.CancellationToken);
        var stamps = Directory.GetFiles(folder, "*.vcf", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        using var output = new StringWriter();

        var exit = await CliApp.RunAsync(["demo", "--folder", folder, "--once"], output, TextWriter.Null, TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        Assert.Contains("linked 0, conflicts 0, excluded 0, failed 0, write calls 0", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(stamps, Directory.GetFiles(folder, "*.vcf", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
