using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Tandem.Web.Health;

/// <summary>
/// <c>/healthz</c>: the process answers (no check runs, so a slow database never gets a live server restarted).
/// <c>/readyz</c>: the database is reachable and migrated, so a load balancer sends traffic. Both open to anyone.
/// </summary>
public static class HealthRegistration
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddTandemHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: [ReadyTag]);
        return services;
    }

    public static WebApplication MapTandemHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthAnswer.WriteAsync })
            .AllowAnonymous()
            .DisableHttpMetrics();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = HealthAnswer.WriteAsync })
            .AllowAnonymous()
            .DisableHttpMetrics();
        return app;
    }
}
