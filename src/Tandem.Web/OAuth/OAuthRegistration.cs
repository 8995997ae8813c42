using Microsoft.AspNetCore.Antiforgery;
using Tandem.Connectors.Catalog;
using Tandem.Web.Api;
using Tandem.Web.Identity;
using Tandem.Web.Services.Errors;

namespace Tandem.Web.OAuth;

/// <summary>
/// The consent flow's module: <c>POST /accounts/oauth/{app}/start</c> (a form with the antiforgery token when the
/// browser's cookie signs it in) sends the signed-in user to the provider, <c>GET /accounts/oauth/callback</c> brings
/// them back to the accounts page with the new account. A start is a POST so that a link on another site cannot
/// begin a flow in the user's name.
/// </summary>
public static class OAuthRegistration
{
    public const string CallbackPath = "/accounts/oauth/callback";

    /// <summary>Registers the consent flow, with the operator's client of every app of <paramref name="catalog"/> that has a consent page.</summary>
    public static IServiceCollection AddTandemOAuth(this IServiceCollection services, IConfiguration configuration, ConnectorCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(catalog);
        foreach (var app in catalog.Apps.Where(a => a.OAuth is not null))
        {
            services.Configure<OAuthAppOptions>(app.App, configuration.GetSection($"{OAuthAppOptions.SectionName}:{app.App}"));
        }

        services.AddSingleton<OAuthApps>();
        services.AddSingleton<OAuthStates>();
        services.AddSingleton<OAuthFlow>();
        return services;
    }

    public static WebApplication MapTandemOAuth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/accounts/oauth").RequireAuthorization(SignInRegistration.ApiPolicy).ExcludeFromDescription();
        group.MapPost("/{app}/start", StartAsync).DisableAntiforgery().AddEndpointFilter<ReadOnlyTokens>();
        group.MapGet("/callback", CallbackAsync);
        return app;
    }

    private static async Task<IResult> StartAsync(string app, HttpContext context, OAuthFlow flow, IAntiforgery antiforgery)
    {
        // The browser's cookie goes with any form another site posts here; a bearer token never does.
        if (SignedIn.ByCookieOnly(context.User) && !await antiforgery.IsRequestValidAsync(context))
        {
            return OAuthErrorPage.Render("This form expired. Go back to Accounts and choose the app again.", StatusCodes.Status400BadRequest);
        }

        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : FormCollection.Empty;
        var values = form.Where(q => q.Key is not ("accountId" or "name")).ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        try
        {
            var consent = await flow.StartAsync(Owner.Of(context.User), app, form["accountId"].FirstOrDefault(), form["name"].FirstOrDefault(), values, Callback(context), context.RequestAborted);
            return Results.Redirect(consent.ToString());
        }
        catch (NotFoundException ex)
        {
            return OAuthErrorPage.Render(ex.Message, StatusCodes.Status404NotFound);
        }
        catch (OAuthRefusedException ex)
        {
            return OAuthErrorPage.Render(ex.Message);
        }
    }

    private static async Task<IResult> CallbackAsync(HttpContext context, OAuthFlow flow)
    {
        var query = context.Request.Query;
        try
        {
            var result = await flow.CompleteAsync(Owner.Of(context.User), query["state"].FirstOrDefault(), query["code"].FirstOrDefault(), query["error"].FirstOrDefault(), context.RequestAborted);
            return Results.LocalRedirect($"/accounts?{(result.Reauthorised ? "reauthorised" : "added")}={Uri.EscapeDataString(result.Account.Id)}");
        }
        catch (Exception ex) when (ex is OAuthRefusedException or InvalidRequestException or NotFoundException)
        {
            return OAuthErrorPage.Render(ex.Message);
        }
    }

    // Tandem listens on 127.0.0.1 only: the callback names that address and the port the request came in on.
    private static Uri Callback(HttpContext context) => new($"http://127.0.0.1:{context.Connection.LocalPort}{CallbackPath}");
}
