using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tandem.Connectors.Http;

/// <summary>
/// The connectors' API calls as traces and metrics, on plain <see cref="System.Diagnostics"/>: a client span per call
/// and OpenTelemetry's <c>http.client.request.duration</c>, labelled with the method, the server, the status, the app
/// and the connection. Never the path or query (they may hold an email or a record's id), never a header.
/// </summary>
public static class ConnectorTelemetry
{
    /// <summary>The name of both the activity source and the meter.</summary>
    public const string Name = "Tandem.Connectors";

    internal static readonly ActivitySource Source = new(Name);

    internal static readonly Meter Meter = new(Name);

    /// <summary>OpenTelemetry's HTTP client metric; its count is the number of API calls.</summary>
    internal static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
        "http.client.request.duration",
        "s",
        "How long each API call to an app took (every attempt counts).",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] });
}
