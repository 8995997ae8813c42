using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Scenarios.Pairs;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>
/// Photos between Google Contacts (A, the sandbox, which re-encodes every photo it is sent) and a vCard folder (B):
/// compared by content, with the re-encoding never taken for a change.
/// </summary>
public sealed class GoogleVCardPhotoTests
{
    // Two different 1×1 PNGs.
    private static readonly byte[] Grey = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    private static readonly byte[] Red = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC");

    [Fact]
    public async Task A_photo_re_encoded_by_Google_is_not_a_change_and_a_later_photo_set_in_Google_reaches_the_card()
    {
        await using var pair = await PairHarness.StartAsync(new GoogleSide(), new VCardSide());
        var google = (GoogleSide)pair.A;
        await pair.B.AddAsync("Gigi", "Rossi", "gigi@example.com", (StandardFieldKeys.Photo, Photos.FromBytes(Grey)!), (StandardFieldKeys.Nickname, Values.Text("Gigi")));

        await pair.SyncAsync();
        var id = (await pair.A.FindAsync("gigi@example.com")).Id;
        var held = google.Sandbox.PhotoBytes(id)!;
        var quiet = await pair.SyncAsync();

        Assert.NotEqual(Grey, held);
        Assert.Equal("Gigi", (await pair.A.FindAsync("gigi@example.com")).Get(StandardFieldKeys.Nickname)?.Canonical);
        Assert.Equal((0, 0), (quiet.Of(Side.A).Updated, quiet.Of(Side.B).Updated));
        Assert.Equal(Photos.FromBytes(Grey), (await pair.B.FindAsync("gigi@example.com")).Get(StandardFieldKeys.Photo));

        google.Sandbox.SetPhoto(id, Red);
        var changed = await pair.SyncAsync();
        var after = await pair.SyncAsync();

        Assert.Equal((0, 1), (changed.Of(Side.A).Updated, changed.Of(Side.B).Updated));
        Assert.Equal(Photos.FromBytes(google.Sandbox.PhotoBytes(id)!), (await pair.B.FindAsync("gigi@example.com")).Get(StandardFieldKeys.Photo));
        Assert.Equal((0, 0), (after.Of(Side.A).Updated, after.Of(Side.B).Updated));
    }

    [Fact]
    public async Task A_photo_removed_in_the_card_is_removed_in_Google()
    {
        await using var pair = await PairHarness.StartAsync(new GoogleSide(), new VCardSide());
        var google = (GoogleSide)pair.A;
        var card = await pair.B.AddAsync("Gigi", "Rossi", "gigi@example.com", (StandardFieldKeys.Photo, Photos.FromBytes(Red)!));
        await pair.SyncAsync();
        var id = (await pair.A.FindAsync("gigi@example.com")).Id;

        await pair.B.SetAsync(card, StandardFieldKeys.Photo, null);
        await pair.SyncAsync();

        Assert.Null(google.Sandbox.PhotoBytes(id));
        Assert.Null((await pair.A.FindAsync("gigi@example.com")).Get(StandardFieldKeys.Photo));
    }

    [Fact]
    public async Task A_photo_over_the_limit_is_not_copied_and_the_activity_names_the_contact()
    {
        await using var pair = await PairHarness.StartAsync(new GoogleSide(), new VCardSide());
        var google = (GoogleSide)pair.A;
        var big = new byte[Photos.MaxBytes + 10];
        Red.CopyTo(big, 0);

        // Written as the user's address book would: Tandem itself never writes a photo it cannot carry.
        File.WriteAllText(Path.Combine(((VCardSide)pair.B).Folder, "gigi.vcf"),
            $"BEGIN:VCARD\r\nVERSION:4.0\r\nUID:gigi\r\nFN:Gigi Rossi\r\nN:Rossi;Gigi;;;\r\nEMAIL:gigi@example.com\r\nPHOTO:data:image/png;base64,{Convert.ToBase64String(big)}\r\nEND:VCARD\r\n");

        await pair.SyncAsync();

        var id = (await pair.A.FindAsync("gigi@example.com")).Id;
        Assert.Null(google.Sandbox.PhotoBytes(id));
        var notes = await pair.Sync.ActivityAsync();
        Assert.Contains(notes, n => n.Kind == "skipped" && n.Message.Contains("The photo of \"Gigi Rossi\"", StringComparison.Ordinal) && n.Message.Contains("1 MB", StringComparison.Ordinal));
    }
}
