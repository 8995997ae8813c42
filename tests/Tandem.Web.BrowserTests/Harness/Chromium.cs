using Microsoft.Playwright;

namespace Tandem.Web.BrowserTests.Harness;

/// <summary>Debian's Chromium driven by Playwright (browser downloads are not possible here); skipped with the reason when it is missing.</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static void SkipUnlessInstalled() =>
        Assert.SkipUnless(File.Exists(ExecutablePath), $"{ExecutablePath} is not installed (apt-get install chromium; .ci/run does).");

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = Arguments });
    }
}
