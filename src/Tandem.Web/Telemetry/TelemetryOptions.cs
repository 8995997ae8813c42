namespace Tandem.Web.Telemetry;

/// <summary>
/// Metrics, traces and log format, bound from <c>Tandem:Telemetry</c>. Everything is off until set: no exporter, no
/// scrape endpoint, plain console logs.
/// </summary>
public sealed class TelemetryOptions
{
    /// <summary>An OpenTelemetry collector (<c>http://127.0.0.1:4317</c>, gRPC) that receives the traces and metrics; empty: none.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Serves the metrics for Prometheus to scrape at <c>/metrics</c>.</summary>
    public bool Prometheus { get; set; }

    /// <summary>Console logs as one JSON object a line, with the connection and run ids of a run's lines as fields.</summary>
    public bool JsonLogs { get; set; }

    /// <summary>True when something listens to the traces and metrics.</summary>
    public bool Exporting => Prometheus || !string.IsNullOrWhiteSpace(OtlpEndpoint);

    /// <summary>Checks the options; the message names the setting.</summary>
    public void Validate()
    {
        if (!string.IsNullOrWhiteSpace(OtlpEndpoint)
            && (!Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            throw new InvalidOperationException($"Tandem:Telemetry:OtlpEndpoint must be an http or https address such as http://127.0.0.1:4317, not '{OtlpEndpoint}'.");
        }
    }
}
