using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tandem.Storage.Health;
using Tandem.Web.Hosting;

namespace Tandem.Web.Health;

/// <summary>Ready when the database answers and holds exactly this build's schema, users' tables included.</summary>
internal sealed class DatabaseReadyCheck(RuntimeHolder holder) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!holder.IsOpen)
        {
            return HealthCheckResult.Unhealthy("The database is not open yet.");
        }

        var problem = await DatabaseReadiness.ProblemAsync(holder.Runtime.Database, includeUsers: true, cancellationToken);
        return problem is null ? HealthCheckResult.Healthy("The database is reachable and up to date.") : HealthCheckResult.Unhealthy(problem);
    }
}
