using Tandem.Cli.Tests.Support;

namespace Tandem.Cli.Tests.Commands;

/// <summary>Issue 21 as a user tried it: two vCard folders and <c>tandem sync FILE</c>, with categories on the cards.</summary>
public sealed class SyncCategoriesTests : IDisposable
{
    private readonly CliFixture cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task A_cards_category_arrives_in_the_other_folder_and_a_category_added_there_comes_back()
    {
        File.WriteAllText(Path.Combine(cli.FolderA, "gigi.vcf"), "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:gigi\r\nFN:Gigi Hadid\r\nN:Hadid;Gigi;;;\r\nEMAIL:gigi@example.com\r\nCATEGORIES:VIP\r\nEND:VCARD\r\n");

        var first = await cli.RunAsync("sync", cli.WriteSetup());

        Assert.Equal(0, first.ExitCode);
        var copy = Assert.Single(Directory.GetFiles(cli.FolderB, "*.vcf"));
        Assert.Contains("CATEGORIES:VIP\r\n", File.ReadAllText(copy), StringComparison.Ordinal);

        File.WriteAllText(copy, File.ReadAllText(copy).Replace("CATEGORIES:VIP\r\n", "CATEGORIES:VIP,Runway\r\n", StringComparison.Ordinal));
        var second = await cli.RunAsync("sync", cli.SetupPath);

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("CATEGORIES:VIP,Runway\r\n", File.ReadAllText(Path.Combine(cli.FolderA, "gigi.vcf")), StringComparison.Ordinal);
        var quiet = await cli.RunAsync("sync", cli.SetupPath);
        Assert.Equal("  linked 0, conflicts 0, excluded 0, failed 0, write calls 0", quiet.Lines[^1]);
    }
}
