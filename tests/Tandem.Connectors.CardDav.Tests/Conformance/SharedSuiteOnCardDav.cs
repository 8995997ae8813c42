using System.Text.RegularExpressions;
using Tandem.Connectors.CardDav.Tests.Servers;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Testing.Conformance;

namespace Tandem.Connectors.CardDav.Tests.Conformance;

/// <summary>
/// The shared connector suite (the one every HTTP app passes) on a real CardDAV server: each case gets a new address
/// book with cards in it, and a user edits and deletes cards over WebDAV as another client would. A real server's
/// answers cannot be scripted, so the fault cases are skipped; the CardDAV-only behaviour is in
/// <see cref="CardDavConformanceTests{TServer}"/>.
/// </summary>
public abstract partial class SharedSuiteOnCardDav<TServer> : ConnectorConformanceTests
    where TServer : DavTestServer
{
    // More than one page: the test kit reads 40 cards a call.
    private const int Seeded = 45;

    private readonly TServer server;
    private string? book;

    protected SharedSuiteOnCardDav(TServer server)
    {
        this.server = server;
    }

    protected override int SeededContacts => Seeded;

    protected override bool CanInjectFaults => false;

    protected override string? Unavailable => server.SkipReason;

    private string Book => book ?? throw new InvalidOperationException("The address book is made in InitializeAsync.");

    public override async ValueTask InitializeAsync()
    {
        if (server.SkipReason is not null)
        {
            return;
        }

        book = await server.CreateBookAsync();
        for (var i = 0; i < Seeded; i++)
        {
            await server.PutAsync(Book, $"person-{i:00}.vcf", CardDavTestKit.Card($"uid-{i}", $"Person{i} Dav", $"person{i}@example.com", "TITLE:Tester"));
        }
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected override IContactConnector Connect() => CardDavTestKit.Connect(server, server.Settings(Book));

    // Another CardDAV client rewrites the card with its note changed.
    protected override async Task EditInAppAsync(string recordId, string note)
    {
        var text = NoteLine().Replace(await server.GetTextAsync(Book, recordId), string.Empty);
        await server.PutAsync(Book, recordId, text.Replace("END:VCARD", $"NOTE:{note}\r\nEND:VCARD", StringComparison.Ordinal));
    }

    protected override Task DeleteInAppAsync(string recordId) => server.DeleteAsync(Book, recordId);

    [GeneratedRegex(@"^NOTE[;:][^\r\n]*\r?\n", RegexOptions.Multiline)]
    private static partial Regex NoteLine();
}
