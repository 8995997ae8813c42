using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.Security;

/// <summary>Issue 17 item 3: the administrator sees the users on a page of the web app; anyone else finds nothing there.</summary>
public sealed class UsersPageTests(SqliteInvitationServer server) : IClassFixture<SqliteInvitationServer>
{
    [Fact]
    public async Task The_administrator_sees_everyone_and_the_way_to_invite_and_nobody_else_does()
    {
        using var admin = await CookieBrowser.SignUpAsync(server.BaseAddress, "first@example.test");
        using var other = await server.NewUserAsync("second@example.test");
        using var second = CookieBrowser.Anonymous(server.BaseAddress);
        using var signedIn = await second.PostFormAsync("signin", "signin", new() { ["Input.Email"] = "second@example.test", ["Input.Password"] = "correct horse battery" });

        var adminsPage = await admin.Http.GetStringAsync("users", TestContext.Current.CancellationToken);
        var othersPage = await second.Http.GetStringAsync("users", TestContext.Current.CancellationToken);

        Assert.Contains("second@example.test", adminsPage, StringComparison.Ordinal);
        Assert.Contains("Disable second@example.test", adminsPage, StringComparison.Ordinal);
        Assert.Contains("Make an invitation link", adminsPage, StringComparison.Ordinal);
        Assert.Contains("href=\"users\"", adminsPage, StringComparison.Ordinal);
        Assert.Contains("There is nothing here for you", othersPage, StringComparison.Ordinal);
        Assert.DoesNotContain("first@example.test", othersPage.Replace("<span class=\"who\">second@example.test</span>", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"users\"", othersPage, StringComparison.Ordinal);
    }
}
