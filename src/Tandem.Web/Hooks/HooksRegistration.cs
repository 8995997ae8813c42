using Microsoft.Extensions.Options;
using Tandem.Runtime.Operations;
using Tandem.Web.Hosting;

namespace Tandem.Web.Hooks;

/// <summary>Webhook intake at <c>/hooks/{app}/{connectionId}</c>, open to the vendors (verified per app, not signed in).</summary>
public static class HooksRegistration
{
    public static IServiceCollection AddTandemHooks(this IServiceCollection services, string dataFolder)
    {
        services.AddSingleton(sp => WebhookSecrets.FromConfigurationOrFile(
            sp.GetRequiredService<IOptions<TandemWebOptions>>().Value.WebhookKey,
            Path.Combine(dataFolder, KeyMaterial.WebhookKeyFile)));
        services.AddSingleton<WebhookApps>();
        services.AddSingleton<WebhookIntake>();
        services.AddSingleton<WebhookLimits>();
        services.AddSingleton<RefusalSampler>();
        services.AddSingleton<WebhookAutoRegistration>();
        return services;
    }

    public static WebApplication MapTandemHooks(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapMethods("/hooks/{app}/{connectionId}", [HttpMethods.Get, HttpMethods.Post], (string app, string connectionId, HttpRequest request, WebhookIntake intake, CancellationToken ct) =>
                intake.ReceiveAsync(app, connectionId, request, ct))
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();
        return app;
    }
}
