using Tandem.Web.Hosting;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.Security;

/// <summary>
/// Issue 17 item 4: the sandbox apps hold one set of data for every user, so they run only in the demo (the README's
/// first command), which says so on every page, and a server on a network refuses to start with them.
/// </summary>
public sealed class SharedSandboxIsADemoTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task A_server_with_a_public_address_refuses_to_start_with_the_shared_sandbox()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tandem-web-tests", Guid.NewGuid().ToString("N"));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => TandemWebServer.CreateAsync(
            ["--Tandem:Port=0", $"--Tandem:DataFolder={folder}", "--Tandem:Sandbox:Enabled=true", "--Tandem:Sandbox:BasePort=0", "--Tandem:PublicUrl=https://tandem.example.com/"],
            cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("Tandem:Sandbox:Enabled is on, but Tandem:PublicUrl (https://tandem.example.com/) puts this server on a network", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_sandbox_a_public_address_is_fine_and_sign_up_is_by_invitation()
    {
        var options = new TandemWebOptions { PublicUrl = "https://tandem.example.com/" };

        options.Validate();

        Assert.Equal(Identity.Users.SignUpMode.Invitation, options.EffectiveSignUp);
    }

    [Fact]
    public async Task Every_page_of_the_demo_says_the_sandbox_is_shared()
    {
        server.SkipUnlessRunning();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var page = await http.GetStringAsync("signin", TestContext.Current.CancellationToken);

        Assert.Contains("Demo mode: the sandbox apps on this server are shared by everyone who signs in here.", page, StringComparison.Ordinal);
    }
}
