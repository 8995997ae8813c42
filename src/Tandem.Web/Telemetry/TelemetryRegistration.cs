using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Tandem.Connectors.Http;
using Tandem.Engine.Telemetry;
using Tandem.Runtime.Telemetry;

namespace Tandem.Web.Telemetry;

/// <summary>
/// OpenTelemetry for the server, off unless <see cref="TelemetryOptions"/> turn an exporter on: the engine's, the
/// connectors' and the runtime's sources and meters, and ASP.NET Core's own instrumentation.
/// </summary>
public static class TelemetryRegistration
{
    /// <summary>Tandem's activity sources.</summary>
    public static IReadOnlyList<string> Sources { get; } = [SyncTelemetry.Name, ConnectorTelemetry.Name];

    /// <summary>Tandem's meters.</summary>
    public static IReadOnlyList<string> Meters { get; } = [SyncTelemetry.Name, ConnectorTelemetry.Name, RuntimeTelemetry.Name];

    public static WebApplicationBuilder AddTandemTelemetry(this WebApplicationBuilder builder, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        // Scopes carry the connection and run ids onto every line of a run.
        if (options.JsonLogs)
        {
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }
        else
        {
            builder.Logging.AddSimpleConsole(o => o.IncludeScopes = true);
        }

        if (!options.Exporting)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("tandem"))
            .WithTracing(t =>
            {
                t.AddSource([.. Sources]);

                // Health probes and scrapes are noise in traces; the query string is never recorded.
                t.AddAspNetCoreInstrumentation(o => o.Filter = context => !IsOperational(context.Request.Path));
            })
            .WithMetrics(m =>
            {
                m.AddMeter([.. Meters]);
                m.AddAspNetCoreInstrumentation();
                if (options.Prometheus)
                {
                    m.AddPrometheusExporter();
                }
            });
        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint))
        {
            var endpoint = new Uri(options.OtlpEndpoint);
            telemetry.WithTracing(t => t.AddOtlpExporter(o => o.Endpoint = endpoint))
                .WithMetrics(m => m.AddOtlpExporter(o => o.Endpoint = endpoint));
        }

        return builder;
    }

    /// <summary>Maps <c>/metrics</c> when Prometheus is on.</summary>
    public static WebApplication MapTandemTelemetry(this WebApplication app, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        }

        return app;
    }

    private static bool IsOperational(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") || path.StartsWithSegments("/metrics");
}
