using System.Globalization;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Contract;

namespace Tandem.Connectors.Http;

/// <summary>One response's limits: its byte cap, its deadline, and the sentences that name the app when either is hit.</summary>
internal sealed class ResponseBudget : IDisposable
{
    private readonly CancellationTokenSource deadline;
    private readonly string label;
    private readonly TimeSpan timeout;
    private readonly HttpRequestMessage request;
    private readonly ILogger logger;

    public ResponseBudget(string label, HttpLimits limits, TimeProvider time, HttpRequestMessage request, ILogger logger)
    {
        this.label = label;
        this.request = request;
        this.logger = logger;
        MaxBytes = limits.MaxResponseBytes;
        timeout = limits.ResponseTimeout;
        deadline = new CancellationTokenSource(limits.ResponseTimeout, time);
    }

    public long MaxBytes { get; }

    public CancellationToken Deadline => deadline.Token;

    public ConnectorException TooLarge()
    {
        ConnectorsLog.ResponseTooLarge(logger, label, request.Method.Method, request.RequestUri?.AbsolutePath, MaxBytes);
        return new($"{Sentence.Capitalized(label)} answered with more than {Megabytes(MaxBytes)}; Tandem stopped reading.");
    }

    public ConnectorException TooSlow(Exception inner)
    {
        ConnectorsLog.ResponseTooSlow(logger, label, request.Method.Method, request.RequestUri?.AbsolutePath, timeout);
        return new($"{Sentence.Capitalized(label)} did not finish answering within {Seconds(timeout)}; Tandem stopped waiting.", inner);
    }

    public void Dispose() => deadline.Dispose();

    private static string Megabytes(long bytes) =>
        bytes >= 1024 * 1024
            ? (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
            : bytes.ToString(CultureInfo.InvariantCulture) + " bytes";

    private static string Seconds(TimeSpan span) =>
        span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + (span == TimeSpan.FromSeconds(1) ? " second" : " seconds");
}
