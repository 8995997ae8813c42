using System.Net;
using Tandem.Apps;
using Tandem.Sandbox;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.Api;

/// <summary>
/// The operator's <c>Tandem:AllowInternalUrls</c> reaches every connector's own guard, not one app's: for each app whose
/// address a user chooses, an account on a sandbox of that app that this server does not host, on 127.0.0.1, with the
/// values the sandbox gives, is connected and tested with the setting on, and refused naming the setting with it off.
/// (CardDAV, whose address is the user's own server, is CardDavOnLoopbackTests'.)
/// </summary>
public sealed class InternalUrlsForEveryAppTests(SqliteServer closed, SqliteInternalUrlsServer open) : IClassFixture<SqliteServer>, IClassFixture<SqliteInternalUrlsServer>
{
    /// <summary>
    /// The apps whose address a user chooses. An app with a consent page (Google, Pipedrive, Mailchimp, HubSpot) has its
    /// addresses chosen by the server, never by a user ("chosen by this server … leave it empty"), so no account of
    /// theirs points at an internal address for the setting to allow.
    /// </summary>
    public static TheoryData<string> AppsWithUserAddresses => [.. AppCatalog.Create().Modules
        .Where(m => m.Sandbox is not null && m.Connector.Descriptor.OAuth is null)
        .Select(m => m.App)];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(AppsWithUserAddresses))]
    public async Task An_account_on_127_0_0_1_is_tested_with_the_operator_setting_on_and_refused_naming_it_with_it_off(string app)
    {
        var module = AppCatalog.Create().Modules.Single(m => m.App == app);
        var instance = module.Sandbox!.Create();
        try
        {
            await using var elsewhere = await SandboxHost.StartAsync(instance, 0, Ct);
            var keys = module.Connector.Descriptor.Settings.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
            var values = module.Sandbox.Connect(instance, elsewhere.BaseUri).Values.Where(v => keys.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
            using var allowed = await open.NewUserAsync();
            using var refused = await closed.NewUserAsync();

            var created = (await allowed.PostAsync("api/v1/accounts", new { app, values })).Expect(HttpStatusCode.Created);
            var tested = await allowed.PostAsync($"api/v1/accounts/{created["id"]}/test");
            var refusal = await refused.PostAsync("api/v1/accounts", new { app, values });

            Assert.True(tested.Status == HttpStatusCode.OK, $"{app}: {tested.Status} {tested.Text}");
            Assert.Equal(HttpStatusCode.BadRequest, refusal.Status);
            Assert.Contains("(the operator can set Tandem:AllowInternalUrls)", refusal.Detail, StringComparison.Ordinal);
        }
        finally
        {
            (instance as IDisposable)?.Dispose();
        }
    }
}
