using System.Net;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.Security;

/// <summary>Issue 17 item 5: sign-in is limited per client address.</summary>
public sealed class SignInThrottleTests(ThrottledServer server) : IClassFixture<ThrottledServer>
{
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
