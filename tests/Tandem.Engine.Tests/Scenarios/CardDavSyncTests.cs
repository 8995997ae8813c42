using System.Text;
using System.Xml.Linq;
using Tandem.Connectors.CardDav;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Testing.Servers;
using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Harness;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>
/// The engine syncing two address books on one real Radicale (Debian package), started on 127.0.0.1 with
/// temporary storage. Skipped, with the reason, when Radicale is not installed.
/// </summary>
public sealed class CardDavSyncTests : IAsyncLifetime
{
    private const string BookA = "/alice/a/";
    private const string BookB = "/alice/b/";
    private static readonly XNamespace Dav = "DAV:";

    private RadicaleProcess? radicale;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Raw => (radicale ?? throw new InvalidOperationException("Radicale is not running.")).Raw;

    public async ValueTask InitializeAsync()
    {
        radicale = await RadicaleProcess.TryStartAsync();
        if (radicale is not null)
        {
            await radicale.CreateBookAsync(BookA);
            await radicale.CreateBookAsync(BookB);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (radicale is not null)
        {
            await radicale.DisposeAsync();
        }
    }

    [Fact]
    public async Task Two_address_books_converge_edits_flow_both_ways_and_a_deletion_tags_the_counterpart()
    {
        Assert.SkipWhen(radicale is null, "Radicale is not installed (apt-get install radicale); the CardDAV sync test is skipped.");
        await using var h = await CreateAsync();
        h.Settings = new ConnectionSettings { Options = new SyncOptions { SyncDeletions = true } };
        await PutAsync(BookA, "ann.vcf", Card("ann-uid", "Ann Lee", "Lee;Ann;;;", "ann@example.com", "X-PET:cat"));
        await PutAsync(BookB, "bob.vcf", Card("bob-uid", "Bob Ray", "Ray;Bob;;;", "bob@example.com"));

        await h.SyncCleanlyAsync();
        var quiet = await h.SyncCleanlyAsync();

        Assert.Equal(2, (await CardsAsync(BookA)).Count);
        Assert.Equal(2, (await CardsAsync(BookB)).Count);
        Assert.Equal(0, quiet.WriteCalls);
        var annInB = Assert.Single(await CardsAsync(BookB), c => c.Value.Contains("ann@example.com", StringComparison.Ordinal)).Key;
        var bobInA = Assert.Single(await CardsAsync(BookA), c => c.Value.Contains("bob@example.com", StringComparison.Ordinal)).Key;

        await PutAsync(BookA, "ann.vcf", Card("ann-uid", "Ann Lee", "Lee;Ann;;;", "ann@example.com", "X-PET:cat", "TITLE:CFO"));
        var edited = await h.SyncCleanlyAsync();
        Assert.Equal(1, edited.B.Updated);
        Assert.Contains("TITLE:CFO", await GetAsync(annInB), StringComparison.OrdinalIgnoreCase);

        await PutAsync(BookB, "bob.vcf", Card("bob-uid", "Bob Ray", "Ray;Bob;;;", "bob@example.com", "TITLE:CTO"));
        await h.SyncCleanlyAsync();
        Assert.Contains("TITLE:CTO", await GetAsync(bobInA), StringComparison.OrdinalIgnoreCase);

        await DeleteAsync(BookA, "ann.vcf");
        await h.SyncCleanlyAsync();
        Assert.Contains(SyncOptions.TrashTag, await GetAsync(annInB), StringComparison.Ordinal);
        Assert.Equal(0, (await h.SyncCleanlyAsync()).WriteCalls);
    }

    [Fact]
    public async Task A_card_edited_differently_in_both_books_is_settled_by_the_winning_book()
    {
        Assert.SkipWhen(radicale is null, "Radicale is not installed (apt-get install radicale); the CardDAV sync test is skipped.");
        await using var h = await CreateAsync();
        await PutAsync(BookA, "cat.vcf", Card("cat-uid", "Cat Kim", "Kim;Cat;;;", "cat@example.com", "TITLE:Clerk"));
        await PutAsync(BookB, "cat.vcf", Card("cat-uid", "Cat Kim", "Kim;Cat;;;", "cat@example.com", "TITLE:Clerk"));
        await h.SyncCleanlyAsync();

        // (A comma in a raw TITLE would have to be escaped: Radicale keeps only the text before an unescaped one.)
        await PutAsync(BookA, "cat.vcf", Card("cat-uid", "Cat Kim", "Kim;Cat;;;", "cat@example.com", "TITLE:Conflict in A"));
        await PutAsync(BookB, "cat.vcf", Card("cat-uid", "Cat Kim", "Kim;Cat;;;", "cat@example.com", "TITLE:Conflict in B"));
        var report = await h.SyncCleanlyAsync();

        Assert.Equal(1, report.Conflicts);
        Assert.Equal(1, report.B.Updated);
        Assert.Contains("Conflict in A", await GetAsync(BookB + "cat.vcf"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Google_Contacts_and_a_CardDAV_book_carry_photos_and_nicknames_both_ways_and_Googles_re_encoding_is_not_a_change()
    {
        Assert.SkipWhen(radicale is null, "Radicale is not installed (apt-get install radicale); the CardDAV sync test is skipped.");
        const string Grey = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
        var red = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC");
        await using var google = new Pairs.GoogleSide();
        await google.StartAsync();
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        var factory = new CardDavConnectorFactory(new CardDavOptions { AllowedHosts = ["127.0.0.1"] });
        h.ConnectA = google.Connect;
        h.ConnectB = () => factory.Create(Settings("b"), ConnectorContext.Default);
        await PutAsync(BookB, "gigi.vcf", Card("gigi-uid", "Gigi Rossi", "Rossi;Gigi;;;", "gigi@example.com", "NICKNAME:Gigi", "PHOTO;ENCODING=b;TYPE=PNG:" + Grey));
        var ann = await google.AddAsync("Ann", "Lee", "ann@example.com", (StandardFieldKeys.Nickname, Values.Text("Annie")));
        google.Sandbox.SetPhoto(ann, red);

        await h.SyncCleanlyAsync();
        var quiet = await h.SyncCleanlyAsync();

        var gigi = await google.FindAsync("gigi@example.com");
        Assert.Equal("Gigi", gigi.Get(StandardFieldKeys.Nickname)?.Canonical);
        Assert.NotEqual(Convert.FromBase64String(Grey), google.Sandbox.PhotoBytes(gigi.Id));
        Assert.Equal(Photos.FromBytes(google.Sandbox.PhotoBytes(gigi.Id)!), gigi.Get(StandardFieldKeys.Photo));
        var annCard = Assert.Single(await CardsAsync(BookB), c => c.Value.Contains("ann@example.com", StringComparison.Ordinal)).Value.Replace("\r\n ", string.Empty, StringComparison.Ordinal);
        Assert.Contains("NICKNAME:Annie", annCard, StringComparison.Ordinal);
        Assert.Contains("PHOTO;ENCODING=b;TYPE=PNG:" + Convert.ToBase64String(google.Sandbox.PhotoBytes(ann)!), annCard, StringComparison.Ordinal);
        Assert.Contains("PHOTO;ENCODING=b;TYPE=PNG:" + Grey, (await GetAsync(BookB + "gigi.vcf")).Replace("\r\n ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(0, quiet.WriteCalls);
    }

    private async Task<SyncHarness> CreateAsync()
    {
        var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        var factory = new CardDavConnectorFactory(new CardDavOptions { AllowedHosts = ["127.0.0.1"] });
        h.ConnectA = () => factory.Create(Settings("a"), ConnectorContext.Default);
        h.ConnectB = () => factory.Create(Settings("b"), ConnectorContext.Default);
        return h;
    }

    private AccountSettings Settings(string book) => new(new Dictionary<string, string>
    {
        ["url"] = radicale!.BaseUrl.AbsoluteUri,
        ["username"] = RadicaleProcess.UserName,
        ["password"] = RadicaleProcess.Password,
        ["addressBook"] = book,
    });

    private async Task PutAsync(string book, string name, string text)
    {
        using var content = new StringContent(text, new UTF8Encoding(false), "text/vcard");
        using var response = await Raw.PutAsync(book + name, content, Ct);
        Assert.True(response.IsSuccessStatusCode, $"PUT {name} answered {(int)response.StatusCode}");
    }

    private async Task DeleteAsync(string book, string name)
    {
        using var response = await Raw.DeleteAsync(book + name, Ct);
        Assert.True(response.IsSuccessStatusCode, $"DELETE {name} answered {(int)response.StatusCode}");
    }

    private Task<string> GetAsync(string href) => Raw.GetStringAsync(href, Ct);

    /// <summary>Every card in the book: href → text.</summary>
    private async Task<Dictionary<string, string>> CardsAsync(string book)
    {
        using var request = new HttpRequestMessage(new HttpMethod("PROPFIND"), book)
        {
            Content = new StringContent("""<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>""", Encoding.UTF8, "application/xml"),
        };
        request.Headers.Add("Depth", "1");
        using var response = await Raw.SendAsync(request, Ct);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var cards = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var href in xml.Descendants(Dav + "href").Select(e => e.Value.Trim()).Where(h => h.EndsWith(".vcf", StringComparison.Ordinal)))
        {
            cards[href] = await GetAsync(href);
        }

        return cards;
    }

    private static string Card(string uid, string fn, string n, string email, params string[] extra) =>
        "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:" + uid + "\r\nFN:" + fn + "\r\nN:" + n + "\r\nEMAIL;TYPE=work:" + email + "\r\n" +
        string.Concat(extra.Select(e => e + "\r\n")) + "END:VCARD\r\n";
}
