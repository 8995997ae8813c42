using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.Security;

/// <summary>Issue 17 item 10: API tokens may expire and may be read-only, and a token cannot make another token.</summary>
public sealed class TokenScopeTests(ClockedServer server) : IClassFixture<ClockedServer>
{
    [Fact]
    public async Task A_read_only_token_reads_but_every_change_it_signs_is_refused()
    {
        using var owner = await ApiClient.SignedInWithCookieAsync(server.BaseAddress);
        var made = (await owner.PostAsync("api/v1/tokens", new { name = "dashboard", readOnly = true })).Expect(HttpStatusCode.Created);
        Assert.True(made["info"]!["readOnly"]!.GetValue<bool>());
        using var reader = new ApiClient(server.BaseAddress, made["token"]!.GetValue<string>(), owner.UserId);

        (await reader.GetAsync("api/v1/accounts")).Expect(HttpStatusCode.OK);
        var change = await reader.PostAsync("api/v1/accounts", new { app = "pipedrive", useSandbox = true });

        Assert.Equal(HttpStatusCode.Forbidden, change.Status);
        Assert.Contains("This API token is read-only", change.Detail, StringComparison.Ordinal);
        Assert.Empty((await owner.GetAsync("api/v1/accounts")).Expect(HttpStatusCode.OK).AsArray());
    }

    [Fact]
    public async Task A_token_stops_working_when_its_expiry_passes()
    {
        using var owner = await ApiClient.SignedInWithCookieAsync(server.BaseAddress);
        var expires = server.Clock.GetUtcNow().AddHours(1);
        var made = (await owner.PostAsync("api/v1/tokens", new { name = "one hour", expiresAt = expires })).Expect(HttpStatusCode.Created);
        using var holder = new ApiClient(server.BaseAddress, made["token"]!.GetValue<string>(), owner.UserId);
        (await holder.GetAsync("api/v1/me")).Expect(HttpStatusCode.OK);

        server.Clock.MoveOn(TimeSpan.FromHours(2));

        Assert.Equal(HttpStatusCode.Unauthorized, (await holder.GetAsync("api/v1/me")).Status);
    }

    [Fact]
    public async Task An_expiry_in_the_past_is_refused()
    {
        using var owner = await ApiClient.SignedInWithCookieAsync(server.BaseAddress);

        var refused = await owner.PostAsync("api/v1/tokens", new { name = "late", expiresAt = server.Clock.GetUtcNow().AddMinutes(-1) });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("expiry must be in the future", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_cannot_make_another_token()
    {
        using var user = await server.NewUserAsync();

        var refused = await user.PostAsync("api/v1/tokens", new { name = "successor" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("An API token cannot make another token", refused.Detail, StringComparison.Ordinal);
        Assert.Single((await user.GetAsync("api/v1/tokens")).Expect(HttpStatusCode.OK).AsArray());
    }
}

/// <summary>A server whose clock a test can move on.</summary>
public sealed class ClockedServer() : ServerFixture(StoreKind.Sqlite)
{
    public ShiftedClock Clock { get; } = new();

    protected override void Configure(WebApplicationBuilder builder) => builder.Services.AddSingleton<TimeProvider>(Clock);
}
