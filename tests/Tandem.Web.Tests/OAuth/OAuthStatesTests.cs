using Tandem.Web.OAuth;

namespace Tandem.Web.Tests.OAuth;

/// <summary>The states of consent pages: single-use, bound to their user, ten minutes on the server's clock.</summary>
public sealed class OAuthStatesTests
{
    private readonly SettableTime time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_state_comes_back_once_for_its_user()
    {
        var states = new OAuthStates(time);
        var state = states.Add(Pending("alice", states));

        Assert.Equal("google-contacts", states.Take(state, "alice").App);
        Assert.Contains("already used", Assert.Throws<OAuthRefusedException>(() => states.Take(state, "alice")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_state_is_refused_ten_minutes_after_it_was_given_and_accepted_just_before()
    {
        var states = new OAuthStates(time);
        var early = states.Add(Pending("alice", states));
        var late = states.Add(Pending("alice", states));

        time.Now += TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1);
        states.Take(early, "alice");
        time.Now += TimeSpan.FromSeconds(1);

        Assert.Contains("expired", Assert.Throws<OAuthRefusedException>(() => states.Take(late, "alice")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_state_brought_by_another_user_is_refused()
    {
        var states = new OAuthStates(time);
        var state = states.Add(Pending("alice", states));

        Assert.Contains("another Tandem user", Assert.Throws<OAuthRefusedException>(() => states.Take(state, "bob")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_PKCE_challenge_is_the_S256_of_the_verifier_as_in_RFC_7636_appendix_B()
    {
        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", OAuthStates.Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
        Assert.Equal(43, OAuthStates.NewCodeVerifier().Length);
    }

    private static PendingAuthorization Pending(string user, OAuthStates states) =>
        new(user, "google-contacts", null, null, new Dictionary<string, string>(), "verifier", new Uri("http://127.0.0.1:5080/accounts/oauth/callback"), states.NewExpiry());

    private sealed class SettableTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
