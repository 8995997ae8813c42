using Tandem.Connectors.CardDav;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Testing.Servers;
using Tandem.Engine.Tests.Harness;

namespace Tandem.Engine.Tests.Scenarios.Pairs;

/// <summary>
/// CardDAV: one address book on a real Radicale (<see cref="RadicaleProcess"/>), empty at the start. Its user edits
/// cards through a CardDAV connector of its own, as another client of the same server would.
/// </summary>
public sealed class CardDavSide : AppSide
{
    private const string Book = "/alice/tandem/";
    private RadicaleProcess? radicale;

    public override string App => "carddav";

    /// <summary>False when Radicale is not installed: the test should be skipped.</summary>
    public bool IsAvailable => radicale is not null;

    public RadicaleProcess Radicale => radicale ?? throw new InvalidOperationException("Radicale is not running.");

    public override async Task StartAsync()
    {
        radicale = await RadicaleProcess.TryStartAsync();
        if (radicale is not null)
        {
            await radicale.CreateBookAsync(Book);
        }
    }

    public override IContactConnector Connect() => new CardDavConnectorFactory(new CardDavOptions { AllowedHosts = ["127.0.0.1"] }).Create(
        new AccountSettings(new Dictionary<string, string>
        {
            ["url"] = Radicale.BaseUrl.ToString(),
            ["username"] = RadicaleProcess.UserName,
            ["password"] = RadicaleProcess.Password,
            ["addressBook"] = Book,
        }),
        ConnectorContext.Default);

    /// <summary>The card's text as the server holds it (a record's id is the card's resource name in the book).</summary>
    public Task<string> CardTextAsync(string id) => Radicale.Raw.GetStringAsync(Book + id, Ct);

    public override async ValueTask DisposeAsync()
    {
        if (radicale is not null)
        {
            await radicale.DisposeAsync();
        }
    }
}
