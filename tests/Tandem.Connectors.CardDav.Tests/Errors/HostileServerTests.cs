using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Testing.Hostile;

namespace Tandem.Connectors.CardDav.Tests.Errors;

/// <summary>
/// The CardDAV connector on the shared guarded transport, against the hostile server of the other HTTP connectors:
/// an endless multistatus is cut at the body cap, a trickle at the answer deadline, a redirect is not followed, and a
/// name that resolves to an internal address is never contacted. Only the host's exact allowance opens 127.0.0.1.
/// </summary>
public sealed class HostileServerTests : IAsyncLifetime
{
    private static readonly CardDavOptions Options = new()
    {
        Limits = new HttpLimits { MaxResponseBytes = 16 * 1024 * 1024, ResponseTimeout = TimeSpan.FromSeconds(3) },
    };

    private HostileServer? hostile;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HostileServer Hostile => hostile!;

    public async ValueTask InitializeAsync() => hostile = await HostileServer.StartAsync(new CardDavHostileVendor(), Ct);

    public async ValueTask DisposeAsync()
    {
        if (hostile is not null)
        {
            await hostile.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_endless_multistatus_is_cut_off_at_the_body_cap()
    {
        Hostile.Mode = Hostility.HugeBody;
        await using var connector = Connect(Hostile.BaseUri, Allowed());

        var error = await Assert.ThrowsAsync<ConnectorException>(() => connector.ConnectAsync(Ct));
        await Hostile.BodyEndedAsync(Ct);

        Assert.Equal($"The CardDAV server {Hostile.BaseUri.Authority} answered with more than 16 MB; Tandem stopped reading.", error.Message);
    }

    [Fact]
    public async Task A_multistatus_that_trickles_is_cut_off_at_the_answer_deadline()
    {
        Hostile.Mode = Hostility.Trickle;
        await using var connector = Connect(Hostile.BaseUri, Allowed());

        var error = await Assert.ThrowsAsync<ConnectorException>(() => connector.ConnectAsync(Ct));
        await Hostile.BodyEndedAsync(Ct);

        Assert.Equal($"The CardDAV server {Hostile.BaseUri.Authority} did not finish answering within 3 seconds; Tandem stopped waiting.", error.Message);
    }

    [Fact]
    public async Task A_redirect_to_another_server_is_not_followed()
    {
        Hostile.Mode = Hostility.Redirect;
        Hostile.RedirectTarget = new Uri("http://169.254.169.254/latest/meta-data/");
        await using var connector = Connect(Hostile.BaseUri, Allowed());

        var error = await Assert.ThrowsAsync<ConnectorException>(() => connector.ConnectAsync(Ct));

        Assert.Equal($"The CardDAV server {Hostile.BaseUri.Authority} answered PROPFIND with a redirect (302); Tandem does not follow redirects. Use the address it redirects to.", error.Message);
        Assert.All(Hostile.Paths, p => Assert.DoesNotContain("meta-data", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_name_that_resolves_to_a_private_address_is_never_contacted()
    {
        var aliased = new UriBuilder(Hostile.BaseUri) { Host = "dav.internal.example" }.Uri;
        var policy = NetworkPolicy.Allowing(Hostile.BaseUri).ResolvingWith((_, _) => Task.FromResult(new[] { IPAddress.Parse("192.168.1.20") }));
        await using var connector = Connect(aliased, new ConnectorContext(TimeProvider.System, NullLoggerFactory.Instance) { Network = policy });

        var error = await Assert.ThrowsAsync<ConnectorException>(() => connector.ConnectAsync(Ct));

        Assert.Equal(
            $"Tandem did not connect to 'dav.internal.example' for the CardDAV server dav.internal.example:{Hostile.BaseUri.Port}: it resolves to an internal network address, which this Tandem does not allow.",
            error.Message);
        Assert.Equal(0, Hostile.Requests);
    }

    [Fact]
    public async Task The_web_servers_operator_setting_reaches_the_guard_and_its_refusal_says_how()
    {
        // As Tandem.Web builds it: public only, with the operator's setting named in every refusal.
        var hint = "The server's operator can allow internal addresses with the setting Tandem:AllowInternalUrls.";
        var refused = new ConnectorContext(TimeProvider.System, NullLoggerFactory.Instance) { Network = NetworkPolicy.PublicOnly.WithHint(hint) };
        var allowed = refused with { Network = refused.Network.WithPrivateNetworks(true) };
        Hostile.Mode = Hostility.HugeBody;

        await using var before = Connect(Hostile.BaseUri, refused);
        var refusal = await Assert.ThrowsAsync<ConnectorException>(() => before.ConnectAsync(Ct));
        await using var after = Connect(Hostile.BaseUri, allowed);
        var reached = await Assert.ThrowsAsync<ConnectorException>(() => after.ConnectAsync(Ct));

        Assert.EndsWith("which this Tandem does not allow. " + hint, refusal.Message, StringComparison.Ordinal);
        Assert.Contains("answered with more than 16 MB", reached.Message, StringComparison.Ordinal);
    }

    private ConnectorContext Allowed() => ConnectorContext.Default.Allowing(Hostile.BaseUri);

    private static CardDavConnector Connect(Uri url, ConnectorContext context) =>
        (CardDavConnector)new CardDavConnectorFactory(Options).Create(
            new AccountSettings(new Dictionary<string, string> { ["url"] = url.AbsoluteUri, ["username"] = "ann", ["password"] = "secret-pw", ["addressBook"] = "work" }),
            context);
}
