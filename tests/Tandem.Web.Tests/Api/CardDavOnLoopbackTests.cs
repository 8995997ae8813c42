using System.Net;
using Tandem.Connectors.Testing.Servers;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.Api;

/// <summary>
/// Issue 20's web test: the operator's <c>Tandem:AllowInternalUrls</c> reaches the CardDAV connector's own guard. With
/// it on, a CardDAV address book on a real Radicale on 127.0.0.1 is accepted through the REST API and a connection
/// fills it; with it off, the same account is refused with the sentence that names the setting.
/// </summary>
public sealed class CardDavOnLoopbackTests(SqliteServer closed, SqliteInternalUrlsServer open) : IClassFixture<SqliteServer>, IClassFixture<SqliteInternalUrlsServer>, IAsyncLifetime
{
    private RadicaleProcess? radicale;
    private Uri? book;

    public async ValueTask InitializeAsync()
    {
        radicale = await RadicaleProcess.StartAsync();
        book = await radicale.CreateBookAsync("contacts", "Contacts");
    }

    public async ValueTask DisposeAsync()
    {
        if (radicale is not null)
        {
            await radicale.DisposeAsync();
        }
    }

    [Fact]
    public async Task With_the_operator_setting_on_a_Radicale_book_on_127_0_0_1_is_accepted_and_a_sync_fills_it()
    {
        using var user = await open.NewUserAsync();

        var dav = (await user.PostAsync("api/v1/accounts", new { app = "carddav", values = Values() })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var google = (await user.PostAsync("api/v1/accounts", new { app = "google-contacts", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var id = (await user.PostAsync("api/v1/connections", new { accountA = google, accountB = dav, direction = "AToB" })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        (await user.PostAsync($"api/v1/connections/{id}/start")).Expect(HttpStatusCode.OK);
        var synced = await Wait.UntilAsync(
            async () => (await user.GetAsync($"api/v1/connections/{id}")).Expect(HttpStatusCode.OK),
            c => c["state"]!.GetValue<string>() == "Active" && c["lastRunAt"] is not null && c["inSync"]!.GetValue<int>() > 0,
            TimeSpan.FromSeconds(180),
            "the first sync to finish");

        // The connection goes before Radicale does, so its watch loop does not go on against a stopped server.
        (await user.DeleteAsync($"api/v1/connections/{id}")).Expect(HttpStatusCode.NoContent);
        var cards = Directory.GetFiles(radicale!.BookFolder("contacts"), "*.vcf");
        Assert.Equal(synced["inSync"]!.GetValue<int>(), cards.Length);
    }

    [Fact]
    public async Task With_the_operator_setting_off_the_same_account_is_refused_with_the_sentence_that_names_it()
    {
        using var user = await closed.NewUserAsync();

        var refused = await user.PostAsync("api/v1/accounts", new { app = "carddav", values = Values() });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("(the operator can set Tandem:AllowInternalUrls)", refused.Detail, StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(radicale!.BookFolder("contacts")) ? Directory.GetFiles(radicale.BookFolder("contacts"), "*.vcf") : []);
    }

    private Dictionary<string, string> Values() => new()
    {
        ["url"] = book!.AbsoluteUri,
        ["username"] = RadicaleProcess.UserName,
        ["password"] = RadicaleProcess.Password,
        ["addressBook"] = "contacts",
    };
}
