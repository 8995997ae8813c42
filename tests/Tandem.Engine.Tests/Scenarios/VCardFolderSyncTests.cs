using Tandem.Connectors.Catalog;
using Tandem.Connectors.VCardFolder;
using Tandem.Domain.Configuration;
using Tandem.Engine.Tests.Harness;

namespace Tandem.Engine.Tests.Scenarios;

public sealed class VCardFolderSyncTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "tandem-vcard-sync", Guid.NewGuid().ToString("N"));

    public VCardFolderSyncTests()
    {
        Directory.CreateDirectory(Path.Combine(root, "a"));
        Directory.CreateDirectory(Path.Combine(root, "b"));
    }

    private string FolderA => Path.Combine(root, "a");

    private string FolderB => Path.Combine(root, "b");

    [Fact]
    public async Task Two_folders_converge_and_a_second_sync_touches_no_file()
    {
        await using var h = await CreateAsync();
        Write(FolderA, "ann.vcf", Card("ann-uid", "Ann Lee", "Lee;Ann;;;", "ann@example.com", "X-PET:cat"));
        Write(FolderB, "bob.vcf", Card("bob-uid", "Bob Ray", "Ray;Bob;;;", "bob@example.com"));

        await h.SyncCleanlyAsync();
        var stamps = Stamps();
        var second = await h.SyncCleanlyAsync();

        Assert.Equal(2, Directory.GetFiles(FolderA, "*.vcf").Length);
        Assert.Equal(2, Directory.GetFiles(FolderB, "*.vcf").Length);
        Assert.Equal(0, second.WriteCalls);
        Assert.Equal(stamps, Stamps());
        Assert.Contains(Directory.GetFiles(FolderB, "*.vcf"), f => File.ReadAllText(f).Contains("ann@example.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_edited_card_updates_its_counterpart_and_keeps_the_counterparts_unknown_properties()
    {
        await using var h = await CreateAsync();
        Write(FolderA, "ann.vcf", Card("ann-uid", "Ann Lee", "Lee;Ann;;;", "ann@example.com"));
        // LANG is a property Tandem maps to no field (X- properties are content since they travel as custom properties).
        Write(FolderB, "ann-b.vcf", Card("ann-b-uid", "Ann Lee", "Lee;Ann;;;", "ann@example.com", "LANG:it"));
        await h.SyncCleanlyAsync();

        Write(FolderA, "ann.vcf", Card("ann-uid", "Ann Lee", "Lee;Ann;;;", "ann@example.com", "TITLE:CFO"));
        var report = await h.SyncCleanlyAsync();

        var text = File.ReadAllText(Path.Combine(FolderB, "ann-b.vcf"));
        Assert.Contains("TITLE:CFO", text, StringComparison.Ordinal);
        Assert.Contains("LANG:it", text, StringComparison.Ordinal);
        Assert.Equal(1, report.B.Updated);
    }

    [Fact]
    public async Task A_card_edited_differently_in_both_folders_after_an_earlier_edit_is_settled_by_the_winning_side()
    {
        await using var h = await CreateAsync();
        Write(FolderA, "ann.vcf", Card("ann-uid", "Ann Lee", "Lee;Ann;;;", "ann@example.com", "TITLE:Clerk"));
        Write(FolderB, "ann.vcf", Card("ann-uid", "Ann Lee", "Lee;Ann;;;", "ann@example.com", "TITLE:Clerk"));
        await h.SyncCleanlyAsync();
        Write(FolderA, "ann.vcf", Card("ann-uid", "Ann Lee", "Lee;Ann;;;", "ann@example.com", "TITLE:Edited in A"));
        await h.SyncCleanlyAsync();

        Write(FolderA, "ann.vcf", Card("ann-uid", "Ann Lee", "Lee;Ann;;;", "ann@example.com", "TITLE:m conflict, A's 1"));
        Write(FolderB, "ann.vcf", Card("ann-uid", "Ann Lee", "Lee;Ann;;;", "ann@example.com", "TITLE:m conflict, B's 1"));
        var report = await h.SyncCleanlyAsync();

        Assert.Equal(1, report.Conflicts);
        Assert.Equal(1, report.B.Updated);
        Assert.Contains("TITLE:m conflict\\, A's 1", File.ReadAllText(Path.Combine(FolderB, "ann.vcf")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_renamed_card_only_moved_and_causes_no_write()
    {
        await using var h = await CreateAsync();
        h.Settings = new ConnectionSettings { Options = new SyncOptions { SyncDeletions = true } };
        Write(FolderA, "ann.vcf", Card("ann-uid", "Ann Lee", "Lee;Ann;;;", "ann@example.com"));
        await h.SyncCleanlyAsync();

        File.Move(Path.Combine(FolderA, "ann.vcf"), Path.Combine(FolderA, "ann-renamed.vcf"));
        var moved = await h.SyncCleanlyAsync();
        var after = await h.SyncCleanlyAsync();

        Assert.Equal(0, moved.WriteCalls);
        Assert.Equal(0, after.WriteCalls);
        Assert.Equal(1, await h.LinkCountAsync());
        Assert.DoesNotContain(SyncOptions.TrashTag, File.ReadAllText(Assert.Single(Directory.GetFiles(FolderB, "*.vcf"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_card_is_never_taken_for_a_deletion()
    {
        await using var h = await CreateAsync();
        h.Settings = new ConnectionSettings { Options = new SyncOptions { SyncDeletions = true } };
        Write(FolderA, "ann.vcf", Card("ann-uid", "Ann Lee", "Lee;Ann;;;", "ann@example.com"));
        await h.SyncCleanlyAsync();

        Write(FolderA, "ann.vcf", "BEGIN:VCARD\r\nthis is not a card\r\n");
        await h.SyncCleanlyAsync();

        var counterpart = Assert.Single(Directory.GetFiles(FolderB, "*.vcf"));
        Assert.DoesNotContain(SyncOptions.TrashTag, File.ReadAllText(counterpart), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_card_tags_its_counterpart_for_review_and_deletes_no_file()
    {
        await using var h = await CreateAsync();
        h.Settings = new ConnectionSettings { Options = new SyncOptions { SyncDeletions = true } };
        Write(FolderA, "ann.vcf", Card("ann-uid", "Ann Lee", "Lee;Ann;;;", "ann@example.com"));
        await h.SyncCleanlyAsync();

        File.Delete(Path.Combine(FolderA, "ann.vcf"));
        await h.SyncCleanlyAsync();

        var counterpart = Assert.Single(Directory.GetFiles(FolderB, "*.vcf"));
        Assert.Contains("CATEGORIES:" + SyncOptions.TrashTag, File.ReadAllText(counterpart), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private async Task<SyncHarness> CreateAsync()
    {
        var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        var factory = new VCardFolderConnectorFactory();
        h.ConnectA = () => factory.Create(new AccountSettings(new Dictionary<string, string> { ["path"] = FolderA }), ConnectorContext.Default);
        h.ConnectB = () => factory.Create(new AccountSettings(new Dictionary<string, string> { ["path"] = FolderB }), ConnectorContext.Default);
        return h;
    }

    private Dictionary<string, DateTime> Stamps() =>
        Directory.GetFiles(FolderA).Concat(Directory.GetFiles(FolderB)).ToDictionary(f => f, File.GetLastWriteTimeUtc);

    private static void Write(string folder, string name, string text) => File.WriteAllText(Path.Combine(folder, name), text);

    private static string Card(string uid, string fn, string n, string email, params string[] extra) =>
        "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:" + uid + "\r\nFN:" + fn + "\r\nN:" + n + "\r\nEMAIL;TYPE=work:" + email + "\r\n" +
        string.Concat(extra.Select(e => e + "\r\n")) + "END:VCARD\r\n";
}
