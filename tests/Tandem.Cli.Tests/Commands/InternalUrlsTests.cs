using Tandem.Cli.Tests.Support;
using Tandem.Sandbox;
using Tandem.Sandbox.Pipedrive;

namespace Tandem.Cli.Tests.Commands;

/// <summary>
/// On the command line internal addresses are refused unless the operator runs <c>tandem</c> with
/// <c>--allow-internal-urls</c>: a set-up file from elsewhere must not silently reach services on this machine. The
/// refusal says how to allow it.
/// </summary>
public sealed class InternalUrlsTests : IAsyncLifetime
{
    private readonly CliFixture cli = new();
    private readonly PipedriveSandbox pipedrive = new();
    private SandboxHost? host;

    public async ValueTask InitializeAsync() => host = await SandboxHost.StartAsync(pipedrive, cancellationToken: TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        pipedrive.Dispose();
        cli.Dispose();
    }

    [Fact]
    public async Task A_sandbox_on_127_0_0_1_is_refused_with_the_option_that_allows_it()
    {
        var run = await cli.RunAsync("setup", WriteSetup());

        Assert.Equal(2, run.ExitCode);
        Assert.EndsWith(
            "the fields of account 'crm' cannot be read: Tandem did not connect to '127.0.0.1' for Pipedrive: it resolves to an internal network address, which this Tandem does not allow. Run tandem with --allow-internal-urls, or name the host in the set-up file's \"allowInternalHosts\", to allow it." + Environment.NewLine,
            run.Error,
            StringComparison.Ordinal);
        Assert.Equal(0, pipedrive.ApiCalls);
    }

    [Fact]
    public async Task With_the_option_the_sandbox_is_reached_and_the_connection_saved()
    {
        var run = await cli.RunAsync("setup", WriteSetup(), "--allow-internal-urls");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("connection 'crm-folder': created", run.Lines[^1]);
        Assert.True(pipedrive.ApiCalls > 0);
    }

    private string WriteSetup()
    {
        var json = $$"""
            {
              "accounts": [
                { "name": "crm", "app": "pipedrive", "settings": { "baseUrl": "{{host!.BaseUri}}" }, "secrets": { "apiToken": "{{pipedrive.Options.ApiToken}}" } },
                { "name": "folder", "app": "vcard-folder", "settings": { "path": {{System.Text.Json.JsonSerializer.Serialize(cli.FolderA)}} } }
              ],
              "connections": [
                { "name": "crm-folder", "accountA": "crm", "accountB": "folder", "settings": { "direction": "TwoWay" } }
              ]
            }
            """;
        File.WriteAllText(cli.SetupPath, json);
        return cli.SetupPath;
    }
}
