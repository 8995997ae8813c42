namespace Tandem.Web.Tests.Harness;

/// <summary>
/// Polls a real server until a condition holds: the sync workers run on their own threads and real time, so a
/// test can only watch for the outcome. Fails with the last observation when the deadline passes.
/// </summary>
public static class Wait
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> observe, Func<T, bool> done, TimeSpan deadline, string what)
    {
        ArgumentNullException.ThrowIfNull(observe);
        ArgumentNullException.ThrowIfNull(done);
        var until = DateTimeOffset.UtcNow + deadline;
        while (true)
        {
            var seen = await observe();
            if (done(seen))
            {
                return seen;
            }

            if (DateTimeOffset.UtcNow > until)
            {
                Assert.Fail($"Waited {deadline.TotalSeconds:0} s for {what}; last seen: {seen}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), TestContext.Current.CancellationToken);
        }
    }
}
