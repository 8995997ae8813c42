using System.Diagnostics;
using System.Globalization;

namespace Tandem.Bench.Measuring;

/// <summary>Progress lines on standard error ("[  12.3 s] A: staged 200,000"), so long runs show where they are.</summary>
public sealed class ProgressLog
{
    private readonly long started = Stopwatch.GetTimestamp();
    private readonly TextWriter writer;
    private readonly string prefix;

    public ProgressLog(string prefix = "", TextWriter? writer = null)
    {
        this.prefix = prefix;
        this.writer = writer ?? Console.Error;
    }

    public void Say(string message)
    {
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{seconds,7:0.0} s] {prefix}{message}"));
    }
}
