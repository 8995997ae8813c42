using Tandem.Runtime.Hosting;
using Tandem.Storage;
using Tandem.Web.Identity.ApiTokens;
using Tandem.Web.Services.Accounts;
using Tandem.Web.Services.Catalog;
using Tandem.Web.Services.Connections;
using Tandem.Web.Services.Fields;
using Tandem.Web.Services.Mappings;
using Tandem.Web.Services.Matching;
using Tandem.Web.Services.Status;
using Tandem.Web.Workers;

namespace Tandem.Web.Services;

/// <summary>Registers the application services the UI and the API both call, and the sync workers.</summary>
public static class TandemServicesRegistration
{
    /// <param name="services">The container.</param>
    /// <param name="runtime">Where the open runtime comes from.</param>
    public static IServiceCollection AddTandemServices(this IServiceCollection services, Func<IServiceProvider, TandemRuntime> runtime)
    {
        services.AddSingleton(runtime);
        services.AddSingleton<TandemDatabase>(sp => sp.GetRequiredService<TandemRuntime>().Database);
        services.AddSingleton(sp => sp.GetRequiredService<TandemRuntime>().Catalog);
        services.AddSingleton(sp => sp.GetRequiredService<TandemRuntime>().ConnectorContext);
        services.AddSingleton<RunRequests>();
        services.AddSingleton<RetryBoard>();
        services.AddSingleton<SyncWorkers>();
        services.AddHostedService(sp => sp.GetRequiredService<SyncWorkers>());
        services.AddSingleton<ApiTokenService>();
        services.AddSingleton<AppCatalogService>();
        services.AddSingleton<ConnectorOpener>();
        services.AddSingleton<AccountTester>();
        services.AddSingleton<UrlGuard>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<FieldService>();
        services.AddSingleton<MappingService>();
        services.AddSingleton<VariableMatchingService>();
        services.AddSingleton<ConnectionService>();
        services.AddSingleton<ContactNames>();
        services.AddSingleton<HealthService>();
        services.AddSingleton<DuplicateService>();
        services.AddSingleton<ContactCards>();
        services.AddSingleton<PossibleMatchService>();
        services.AddSingleton<ActivityService>();
        return services;
    }
}
