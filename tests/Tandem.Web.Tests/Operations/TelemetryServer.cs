using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.Operations;

/// <summary>A server with the Prometheus endpoint on (which turns Tandem's telemetry on) and in-memory exporters beside it.</summary>
public sealed class TelemetryServer() : ServerFixture(StoreKind.Sqlite)
{
    public LockedList<Activity> Activities { get; } = [];

    public LockedList<MetricSnapshot> Metrics { get; } = [];

    // A public address, so connections describe their webhooks (nothing listens there; the test delivers by hand).
    protected override IEnumerable<string> ExtraArguments => ["--Tandem:Telemetry:Prometheus=true", "--Tandem:PublicUrl=http://127.0.0.1:9/tandem/"];

    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Services.AddOpenTelemetry()
            .WithTracing(t => t.AddInMemoryExporter(Activities))
            .WithMetrics(m => m.AddInMemoryExporter(Metrics));
}
