using System.Net;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.Security;

/// <summary>Issue 17 item 5: sign-in is limited per client address and says the same thing for every failure.</summary>
public sealed class SignInThrottleTests(ThrottledServer server) : IClassFixture<ThrottledServer>
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

    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_are_answered_429()
    {
        using var browser = CookieBrowser.Anonymous(server.BaseAddress);
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < ThrottledServer.AttemptsPerMinute + 1; attempt++)
        {
            using var answer = await browser.PostFormAsync("signin", "signin", new() { ["Input.Email"] = "nobody@example.test", ["Input.Password"] = "guess " + attempt });
            statuses.Add(answer.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}

/// <summary>A server that allows few sign-in attempts a minute.</summary>
public sealed class ThrottledServer() : ServerFixture(StoreKind.Sqlite)
{
    public const int AttemptsPerMinute = 8;

    protected override IEnumerable<string> ExtraArguments => [$"--Tandem:SignInAttemptsPerMinute={AttemptsPerMinute}"];
}
