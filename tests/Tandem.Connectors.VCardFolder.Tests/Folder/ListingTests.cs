using System.Globalization;
using Tandem.Connectors.Contract;
using Tandem.Connectors.VCardFolder.Tests.Support;

namespace Tandem.Connectors.VCardFolder.Tests.Folder;

public sealed class ListingTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static string Card(string name) => $"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:{name}\r\nEMAIL:{name}@example.com\r\nEND:VCARD\r\n";

    [Fact]
    public async Task Listing_1200_files_returns_each_exactly_once_in_pages_of_500_with_the_cursor_on_the_last()
    {
        for (var i = 0; i < 1200; i++)
        {
            folder.Write(string.Create(CultureInfo.InvariantCulture, $"c{i:0000}.vcf"), Card(string.Create(CultureInfo.InvariantCulture, $"p{i}")));
        }

        await using var connector = TestConnector.For(folder.Path);
        var pages = new List<RecordPage>();
        await foreach (var page in connector.ListAllAsync(TestContext.Current.CancellationToken))
        {
            pages.Add(page);
        }

        Assert.Equal([500, 500, 200], pages.Select(p => p.Records.Count));
        Assert.Equal([null, null, "vdir"], pages.Select(p => p.CursorAfter));
        var ids = pages.SelectMany(p => p.Records).Select(r => r.Id).ToList();
        Assert.Equal(1200, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(folder.FileNames(), ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_empty_folder_lists_one_empty_page_with_the_cursor()
    {
        await using var connector = TestConnector.For(folder.Path);

        var pages = new List<RecordPage>();
        await foreach (var page in connector.ListAllAsync(TestContext.Current.CancellationToken))
        {
            pages.Add(page);
        }

        var only = Assert.Single(pages);
        Assert.Empty(only.Records);
        Assert.Equal("vdir", only.CursorAfter);
    }

    [Fact]
    public async Task A_malformed_file_is_skipped_and_logged_by_name_and_line_while_the_others_are_listed()
    {
        folder.Write("good1.vcf", Card("ann"));
        folder.Write("bad.vcf", "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Secret Person\r\nno colon here\r\nEND:VCARD\r\n");
        folder.Write("good2.vcf", Card("bob"));
        var logs = new CapturingLoggerFactory();
        await using var connector = TestConnector.For(folder.Path, logs: logs);

        var records = await connector.ListAllRecordsAsync();

        Assert.Equal(["good1.vcf", "good2.vcf"], records.Select(r => r.Id).Order(StringComparer.Ordinal));
        var message = Assert.Single(logs.Messages);
        Assert.Equal("Skipped the card file bad.vcf: bad.vcf, line 4: the line has no ':' between the property name and its value.", message);
        Assert.DoesNotContain("Secret", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dotfiles_other_extensions_and_folders_are_ignored()
    {
        folder.Write("a.vcf", Card("ann"));
        folder.Write("B.VCF", Card("bob"));
        folder.Write(".hidden.vcf", Card("hidden"));
        folder.Write(".a.vcf.1.2.tmp", "BEGIN:VCARD\r\n");
        folder.Write("notes.txt", "not a card");
        folder.Write("c.vcf~", Card("backup"));
        Directory.CreateDirectory(folder.File("sub.vcf"));
        await using var connector = TestConnector.For(folder.Path);

        var records = await connector.ListAllRecordsAsync();
        var versions = new List<RecordVersion>();
        await foreach (var page in connector.ListVersionsAsync(TestContext.Current.CancellationToken))
        {
            versions.AddRange(page);
        }

        Assert.Equal(["B.VCF", "a.vcf"], records.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["B.VCF", "a.vcf"], versions.Select(v => v.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Version_listing_stamps_match_the_versions_of_the_records()
    {
        folder.Write("a.vcf", Card("ann"));
        folder.Write("b.vcf", Card("bob"));
        await using var connector = TestConnector.For(folder.Path);

        var versions = new List<RecordVersion>();
        await foreach (var page in connector.ListVersionsAsync(TestContext.Current.CancellationToken))
        {
            versions.AddRange(page);
        }

        var records = await connector.GetAsync(["a.vcf", "b.vcf"], TestContext.Current.CancellationToken);
        Assert.Equal(
            versions.OrderBy(v => v.Id, StringComparer.Ordinal).Select(v => (v.Id, v.Version)),
            records.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => (r.Id, r.Version!)));
    }

    [Fact]
    public async Task A_version_stamp_moves_when_the_file_is_rewritten()
    {
        folder.Write("a.vcf", Card("ann"));
        await using var connector = TestConnector.For(folder.Path);
        var before = (await connector.GetAsync(["a.vcf"], TestContext.Current.CancellationToken))[0].Version;

        folder.Write("a.vcf", Card("anne"));
        File.SetLastWriteTimeUtc(folder.File("a.vcf"), new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var after = (await connector.GetAsync(["a.vcf"], TestContext.Current.CancellationToken))[0].Version;
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task Get_leaves_out_missing_files_and_ids_that_are_not_card_names()
    {
        folder.Write("a.vcf", Card("ann"));
        await using var connector = TestConnector.For(folder.Path);

        var records = await connector.GetAsync(["a.vcf", "gone.vcf", "../a.vcf", ".a.vcf", "a.vcf"], TestContext.Current.CancellationToken);

        Assert.Equal(["a.vcf"], records.Select(r => r.Id));
    }

    [Fact]
    public async Task A_folder_that_does_not_exist_fails_with_a_message_naming_it()
    {
        var missing = Path.Combine(folder.Path, "nope");
        await using var connector = TestConnector.For(missing);

        var error = await Assert.ThrowsAsync<ConnectorException>(async () => await connector.ListAllRecordsAsync());

        Assert.Equal($"The vCard folder '{missing}' does not exist or is not a folder.", error.Message);
    }

    [Fact]
    public async Task The_change_feed_is_a_version_listing_so_reading_changes_is_not_supported()
    {
        await using var connector = TestConnector.For(folder.Path);

        Assert.Equal(ChangeFeedKind.VersionListing, connector.Capabilities.ChangeFeed);
        await Assert.ThrowsAsync<NotSupportedException>(() => connector.ReadChangesAsync("vdir", TestContext.Current.CancellationToken));
    }
}
