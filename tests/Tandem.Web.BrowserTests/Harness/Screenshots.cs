using Microsoft.Playwright;

namespace Tandem.Web.BrowserTests.Harness;

/// <summary>
/// Saves numbered full-page screenshots into TestResults/screenshots/&lt;set&gt;/ of the test's output folder: one
/// set per test, so tests running side by side do not overwrite each other's pictures.
/// </summary>
public sealed class Screenshots
{
    private int next = 1;

    public Screenshots(string set)
    {
        Folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", set);
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public async Task TakeAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var path = Path.Combine(Folder, $"{next++:00}-{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {path}");
    }
}
