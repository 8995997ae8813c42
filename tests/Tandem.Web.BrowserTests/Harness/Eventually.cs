namespace Tandem.Web.BrowserTests.Harness;

/// <summary>
/// Asks an app's API again until its answer meets a condition, as Playwright's expectations do for a page: the sync
/// workers run on their own, so a test waits for the outcome it asserts (a bounded wait, never a fixed sleep).
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>The first answer of <paramref name="ask"/> that meets <paramref name="until"/>; fails with <paramref name="what"/> when none does within <paramref name="patience"/>.</summary>
    public static async Task<T> AnswerAsync<T>(Func<CancellationToken, Task<T>> ask, Func<T, bool> until, TimeSpan patience, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ask);
        ArgumentNullException.ThrowIfNull(until);
        var deadline = DateTimeOffset.UtcNow + patience;
        while (true)
        {
            var answer = await ask(cancellationToken);
            if (until(answer))
            {
                return answer;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"Still not the case after {patience.TotalSeconds:0} s: {what}.");
            }

            await Task.Delay(Interval, cancellationToken);
        }
    }
}
