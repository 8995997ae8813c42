namespace Tandem.Cli.Tests.Support;

/// <summary>The real vdirsyncer, run on a config file of a test's temp folder (its status folder beside it).</summary>
public sealed class Vdirsyncer(string configPath)
{
    public string ConfigPath => configPath;

    /// <summary>Writes <paramref name="config"/> as vdirsyncer's config; skips the test when vdirsyncer is not installed.</summary>
    public static Vdirsyncer Write(string configPath, string config)
    {
        ExternalTool.Require("vdirsyncer");
        File.WriteAllText(configPath, config);
        return new Vdirsyncer(configPath);
    }

    /// <summary><c>vdirsyncer discover</c> then <c>vdirsyncer sync</c>; fails the test with vdirsyncer's output when either fails.</summary>
    public async Task DiscoverAndSyncAsync()
    {
        await RunAsync("discover");
        await RunAsync("sync");
    }

    public Task SyncAsync() => RunAsync("sync");

    private async Task RunAsync(string step)
    {
        var (code, output) = await ExternalTool.RunAsync(ExternalTool.Require("vdirsyncer"), ["-c", configPath, step]);
        Assert.True(code == 0, $"vdirsyncer {step} exited {code}: {output}");
    }
}
