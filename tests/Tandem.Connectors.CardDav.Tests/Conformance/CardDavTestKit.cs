using System.Text;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.CardDav.Tests.Servers;
using Tandem.Domain.Contacts;

namespace Tandem.Connectors.CardDav.Tests.Conformance;

/// <summary>Connectors for a test server (loopback allowed explicitly), raw DAV requests and card text.</summary>
internal static class CardDavTestKit
{
    public static readonly CardDavOptions LoopbackAllowed = new() { AllowedHosts = ["127.0.0.1"], MultigetBatchSize = 40 };

    public static CardDavConnector Connect(DavTestServer server, AccountSettings settings, CardDavOptions? options = null) =>
        (CardDavConnector)new CardDavConnectorFactory(options ?? LoopbackAllowed).Create(settings, ConnectorContext.Default);

    public static string Card(string uid, string fullName, string email, params string[] extra) =>
        CardOfVersion("3.0", uid, fullName, email, extra);

    // A distinct name: as an overload of Card, a call with one extra line bound to it and shifted every argument.
    public static string CardOfVersion(string version, string uid, string fullName, string email, params string[] extra)
    {
        var sb = new StringBuilder();
        sb.Append("BEGIN:VCARD\r\nVERSION:").Append(version).Append("\r\nUID:").Append(uid).Append("\r\nFN:").Append(fullName).Append("\r\n");
        sb.Append("N:").Append(fullName.Split(' ')[^1]).Append(';').Append(fullName.Split(' ')[0]).Append(";;;\r\n");
        sb.Append("EMAIL;TYPE=work:").Append(email).Append("\r\n");
        foreach (var line in extra)
        {
            sb.Append(line).Append("\r\n");
        }

        return sb.Append("END:VCARD\r\n").ToString();
    }

    public static async Task<string?> PutAsync(this DavTestServer server, string book, string name, string text)
    {
        using var content = new StringContent(text, new UTF8Encoding(false), "text/vcard");
        using var response = await server.Raw.PutAsync(book + name, content, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"PUT {name} answered {(int)response.StatusCode}");
        return response.Headers.ETag?.ToString();
    }

    public static async Task DeleteAsync(this DavTestServer server, string book, string name)
    {
        using var response = await server.Raw.DeleteAsync(book + name, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"DELETE {name} answered {(int)response.StatusCode}");
    }

    public static Task<string> GetTextAsync(this DavTestServer server, string book, string name) =>
        server.Raw.GetStringAsync(book + name, TestContext.Current.CancellationToken);

    public static async Task<List<RecordPage>> ListPagesAsync(this IContactConnector connector)
    {
        var pages = new List<RecordPage>();
        await foreach (var page in connector.ListAllAsync(TestContext.Current.CancellationToken))
        {
            pages.Add(page);
        }

        return pages;
    }

    public static async Task<WriteResult> WriteOneAsync(this IContactConnector connector, WriteOperation operation) =>
        Assert.Single(await connector.WriteAsync([operation], TestContext.Current.CancellationToken));

    public static string? Email(this ContactRecord record) =>
        (record.Get("emails") as Domain.Fields.ListValue)?.Primary.Text;
}
