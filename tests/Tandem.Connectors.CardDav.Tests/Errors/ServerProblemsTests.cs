using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.CardDav.Tests.Conformance;
using Tandem.Connectors.CardDav.Tests.Servers;

namespace Tandem.Connectors.CardDav.Tests.Errors;

/// <summary>
/// The address a user typed is wrong: nothing listens there, an ordinary web site answers, or the server never
/// answers. Each fails with one sentence that says what went wrong and what to check, not the runtime's text.
/// </summary>
public sealed class ServerProblemsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_closed_port_is_reported_as_nothing_accepting_the_connection()
    {
        var port = DavServerProcess.FreePort();
        await using var connector = Connect(new Uri($"http://127.0.0.1:{port}/"));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => connector.ConnectAsync(Ct));

        Assert.Equal(
            $"The CardDAV server 127.0.0.1:{port} could not be reached: nothing accepted the connection on that port. Check the address and the port, and that the server is running.",
            error.Message);
        AssertReadable(error);
    }

    [Fact]
    public async Task A_web_site_answering_every_request_with_a_page_is_reported_as_not_a_CardDAV_server()
    {
        await using var site = PlainHttpServer.Answering(200, "text/html", "<html><body>Welcome to my home page</body></html>");
        await using var connector = Connect(new Uri(site.BaseUrl, "/contacts/"));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => connector.ConnectAsync(Ct));

        Assert.Equal(
            $"The address 127.0.0.1:{site.Port}/contacts/ does not look like a CardDAV server: it answered the WebDAV request (PROPFIND) with 200 OK (text/html), " +
            $"and 127.0.0.1:{site.Port}/.well-known/carddav answered with 200 OK (text/html). Check the server address: it is the one your provider gives for CardDAV or contacts sync.",
            error.Message);
        Assert.Equal(["PROPFIND /contacts/", "PROPFIND /.well-known/carddav"], site.Requests);
        AssertReadable(error);
    }

    [Fact]
    public async Task A_server_answering_404_to_everything_names_the_404_in_the_message()
    {
        await using var site = PlainHttpServer.Answering(404, "text/plain", "not here");
        await using var connector = Connect(site.BaseUrl);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => connector.ConnectAsync(Ct));

        Assert.StartsWith($"The address 127.0.0.1:{site.Port}/ does not look like a CardDAV server: it answered the WebDAV request (PROPFIND) with 404 Not Found (text/plain), ", error.Message, StringComparison.Ordinal);
        Assert.Contains("/.well-known/carddav answered with 404 Not Found (text/plain).", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, site.Requests.Count);
        AssertReadable(error);
    }

    [Fact]
    public async Task A_multistatus_that_is_not_XML_is_reported_as_such()
    {
        await using var site = PlainHttpServer.Answering(207, "text/plain", "Service temporarily unavailable");
        await using var connector = Connect(site.BaseUrl);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => connector.ConnectAsync(Ct));

        Assert.Equal("The CardDAV server sent a response that is not XML.", error.Message);
        AssertReadable(error);
    }

    [Fact]
    public async Task A_server_that_never_answers_is_reported_as_not_answering_in_time()
    {
        await using var silent = PlainHttpServer.Silent();
        var options = CardDavTestKit.LoopbackAllowed with { RequestTimeout = TimeSpan.FromMilliseconds(300) };
        await using var connector = Connect(silent.BaseUrl, options);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => connector.ConnectAsync(Ct));

        Assert.Equal($"The CardDAV server 127.0.0.1:{silent.Port} did not answer in time.", error.Message);
        Assert.Equal(["PROPFIND /"], silent.Requests);
    }

    private static CardDavConnector Connect(Uri url, CardDavOptions? options = null) =>
        (CardDavConnector)new CardDavConnectorFactory(options ?? CardDavTestKit.LoopbackAllowed).Create(
            new AccountSettings(new Dictionary<string, string> { ["url"] = url.AbsoluteUri, ["username"] = "ann", ["password"] = "secret-pw", ["addressBook"] = "work" }),
            ConnectorContext.Default);

    /// <summary>No runtime text, no page content and no password leak into what the user reads.</summary>
    private static void AssertReadable(ConnectorException error)
    {
        Assert.DoesNotContain("Exception", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secret-pw", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsAuthorizationFailure);
    }
}
