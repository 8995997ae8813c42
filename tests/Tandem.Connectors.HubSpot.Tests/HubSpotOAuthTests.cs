using Tandem.Sandbox.HubSpot;

namespace Tandem.Connectors.HubSpot.Tests;

/// <summary>An OAuth account: 30-minute access tokens from the portal's refresh token, refreshed when HubSpot refuses one.</summary>
public sealed class HubSpotOAuthTests() : SandboxFixture(new HubSpotSandboxOptions { SeedContacts = 30 })
{
    [Fact]
    public async Task An_OAuth_account_reads_contacts_and_a_revoked_access_token_is_refreshed_without_failing_the_call()
    {
        await using var connector = Connect(new Dictionary<string, string>
        {
            ["clientId"] = Sandbox.Options.OAuthClientId,
            ["clientSecret"] = Sandbox.Options.OAuthClientSecret,
            ["refreshToken"] = Sandbox.Options.DemoRefreshToken,
            ["tokenUrl"] = new Uri(BaseUri, "oauth/v1/token").ToString(),
        });
        var id = Sandbox.ContactIds()[0];
        Assert.Single(await connector.GetAsync([id], Ct));

        Sandbox.RevokeAccessTokens();

        Assert.Single(await connector.GetAsync([id], Ct));
    }

    [Fact]
    public async Task An_access_token_expired_by_HubSpot_s_clock_is_renewed_before_it_is_used()
    {
        await using var connector = Connect(new Dictionary<string, string>
        {
            ["clientId"] = Sandbox.Options.OAuthClientId,
            ["clientSecret"] = Sandbox.Options.OAuthClientSecret,
            ["refreshToken"] = Sandbox.Options.DemoRefreshToken,
            ["tokenUrl"] = new Uri(BaseUri, "oauth/v1/token").ToString(),
        });
        var id = Sandbox.ContactIds()[0];
        Assert.Single(await connector.GetAsync([id], Ct));

        Clock.Shift(TimeSpan.FromMinutes(31));

        Assert.Single(await connector.GetAsync([id], Ct));
    }
}
