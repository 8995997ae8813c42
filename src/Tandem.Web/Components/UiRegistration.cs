namespace Tandem.Web.Components;

/// <summary>The Blazor UI: static sign-in pages, interactive (server) pages for the rest.</summary>
public static class UiRegistration
{
    public static IServiceCollection AddTandemUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddScoped<Tandem.Web.Components.Pages.Wizard.DraftKeeper>();
        return services;
    }

    public static WebApplication MapTandemUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
