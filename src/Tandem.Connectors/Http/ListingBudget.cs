using System.Globalization;
using Tandem.Connectors.Contract;

namespace Tandem.Connectors.Http;

/// <summary>
/// Counts the listing pages and records one connector (one run) reads, and stops a listing that never ends (an app
/// that keeps answering "more") with a clear error on that account instead of a run that never finishes.
/// </summary>
public sealed class ListingBudget
{
    private readonly string label;
    private readonly HttpLimits limits;
    private int pages;
    private long records;

    public ListingBudget(string label, HttpLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        this.label = label;
        this.limits = limits;
    }

    /// <summary>Counts one page of <paramref name="recordCount"/> records; throws once the run read more than its limits.</summary>
    /// <exception cref="ConnectorException">The listing went past <see cref="HttpLimits.MaxPagesPerRun"/> or <see cref="HttpLimits.MaxRecordsPerRun"/>.</exception>
    public void Count(int recordCount)
    {
        var pageCount = Interlocked.Increment(ref pages);
        var recordTotal = Interlocked.Add(ref records, recordCount);
        if (pageCount > limits.MaxPagesPerRun)
        {
            throw new ConnectorException(
                $"{Sentence.Capitalized(label)} kept answering with more pages after {Number(limits.MaxPagesPerRun)} in one run; Tandem stopped listing. The next run starts again.");
        }

        if (recordTotal > limits.MaxRecordsPerRun)
        {
            throw new ConnectorException(
                $"{Sentence.Capitalized(label)} listed more than {Number(limits.MaxRecordsPerRun)} contacts in one run; Tandem stopped listing. The next run starts again.");
        }
    }

    private static string Number(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);
}
