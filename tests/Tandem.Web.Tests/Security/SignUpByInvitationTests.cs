using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Web.Identity;
using Tandem.Web.Identity.ApiTokens;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.Security;

/// <summary>
/// Issue 17 item 3: the first person to sign up is the administrator; after that sign-up is by invitation; the
/// administrator lists users and disables one, whose cookie and API tokens then stop working at once.
/// </summary>
public sealed class SignUpByInvitationTests(SqliteInvitationServer server) : IClassFixture<SqliteInvitationServer>
{
    [Fact]
    public async Task The_first_user_administers_the_rest_join_by_invitation_and_a_disabled_user_is_shut_out()
    {
        using var admin = await ApiClient.SignedInWithCookieAsync(server.BaseAddress);
        var users = (await admin.GetAsync("api/v1/users")).Expect(HttpStatusCode.OK).AsArray();
        Assert.True(Assert.Single(users)!["administrator"]!.GetValue<bool>());

        using var uninvited = new CookieBrowserFor(server.BaseAddress);
        Assert.Contains("Sign-up on this server is by invitation", await uninvited.Browser.Http.GetStringAsync("signup", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var refused = await uninvited.Browser.PostFormAsync("signup", "signup", new() { ["Input.Email"] = "uninvited@example.test", ["Input.Password"] = "long enough password" }, tokenFrom: "signin");
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Single((await admin.GetAsync("api/v1/users")).Expect(HttpStatusCode.OK).AsArray());

        var invitation = (await admin.PostAsync("api/v1/invitations", new { email = "invited@example.test" })).Expect(HttpStatusCode.OK);
        var link = new Uri(invitation["link"]!.GetValue<string>());
        using var invited = new CookieBrowserFor(server.BaseAddress);
        var page = link.PathAndQuery.TrimStart('/');
        var wrongEmail = await invited.Browser.PostFormAsync(page, "signup", new() { ["Input.Email"] = "someone-else@example.test", ["Input.Password"] = "long enough password" });
        Assert.NotEqual(HttpStatusCode.Redirect, wrongEmail.StatusCode);
        var joined = await invited.Browser.PostFormAsync(page, "signup", new() { ["Input.Email"] = "invited@example.test", ["Input.Password"] = "long enough password" });
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);

        using var invitedMe = await invited.Browser.Http.GetAsync("api/v1/me", TestContext.Current.CancellationToken);
        var invitedId = (await Answer.ReadAsync(invitedMe)).Expect(HttpStatusCode.OK)["userId"]!.GetValue<string>();
        var token = await server.Server.Services.GetRequiredService<ApiTokenService>().CreateAsync(new Owner(invitedId), "script", TestContext.Current.CancellationToken);
        using var asInvited = new ApiClient(server.BaseAddress, token.Token, invitedId);
        (await asInvited.GetAsync("api/v1/users")).Expect(HttpStatusCode.NotFound);
        (await asInvited.PostAsync($"api/v1/users/{admin.UserId}/disable")).Expect(HttpStatusCode.NotFound);

        var (a, b) = await Hooks.WebhookRegistrationTests<Hooks.SqlitePublicUrlServer>.AccountsAsync(asInvited);
        var connection = await Hooks.WebhookRegistrationTests<Hooks.SqlitePublicUrlServer>.ConnectionAsync(asInvited, a, b);
        (await asInvited.PostAsync($"api/v1/connections/{connection}/start")).Expect(HttpStatusCode.OK);

        var disabled = (await admin.PostAsync($"api/v1/users/{invitedId}/disable")).Expect(HttpStatusCode.OK);

        Assert.True(disabled["disabled"]!.GetValue<bool>());
        using var afterCookie = await invited.Browser.Http.GetAsync("api/v1/me", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, afterCookie.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await asInvited.GetAsync("api/v1/me")).Status);
        var signIn = await invited.Browser.PostFormAsync("signin", "signin", new() { ["Input.Email"] = "invited@example.test", ["Input.Password"] = "long enough password" });
        Assert.NotEqual(HttpStatusCode.Redirect, signIn.StatusCode);
        var left = await server.Server.Services.GetRequiredService<Services.Connections.ConnectionService>().GetAsync(new Owner(invitedId), connection, TestContext.Current.CancellationToken);
        Assert.Equal(Domain.Configuration.ConnectionState.Paused, left.State);
    }

    /// <summary>A browser that has not signed up yet.</summary>
    private sealed class CookieBrowserFor(Uri baseAddress) : IDisposable
    {
        public CookieBrowser Browser { get; } = CookieBrowser.Anonymous(baseAddress);

        public void Dispose() => Browser.Dispose();
    }
}

/// <summary>A server whose sign-up is by invitation (as every server outside the sandbox demo).</summary>
public sealed class SqliteInvitationServer() : ServerFixture(StoreKind.Sqlite)
{
    protected override IEnumerable<string> ExtraArguments => ["--Tandem:SignUp=Invitation"];
}
