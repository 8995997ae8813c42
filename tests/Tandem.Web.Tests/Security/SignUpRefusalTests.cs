using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.Security;

/// <summary>
/// Issue 17 item 5: a sign-up with an email that has an account says what any refusal says. On a server of its own,
/// so the throttle tests' spent attempts never refuse its sign-ups.
/// </summary>
public sealed class SignUpRefusalTests(ThrottledServer server) : IClassFixture<ThrottledServer>
{
    [Fact]
    public async Task Sign_up_with_an_email_that_has_an_account_says_what_any_refusal_says()
    {
        const string email = "taken@example.test";
        using var first = await CookieBrowser.SignUpAsync(server.BaseAddress, email);
        using var second = CookieBrowser.Anonymous(server.BaseAddress);

        var again = await second.PostFormAsync("signup", "signup", new() { ["Input.Email"] = email, ["Input.Password"] = "another long password" });
        var text = await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("That sign-up did not work.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("taken", text.Replace(email, string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }
}
