using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Tandem.Web.Hosting;
using Tandem.Storage;
using Tandem.Storage.Identity;
using Tandem.Web.Identity.ApiTokens;
using Tandem.Web.Identity.Users;

namespace Tandem.Web.Identity;

/// <summary>
/// Users sign up and in with ASP.NET Core Identity (cookie for the UI) over the users table of Tandem's own
/// database; API calls sign in with a bearer API token.
/// </summary>
public static class SignInRegistration
{
    /// <summary>The authorization policy of the API: an API token, or the UI's cookie.</summary>
    public const string ApiPolicy = "api";

    public static IServiceCollection AddTandemSignIn(this IServiceCollection services)
    {
        services.AddScoped<TandemIdentityDbContext>(sp => sp.GetRequiredService<TandemDatabase>().CreateIdentityDbContext());
        services.AddSingleton<Invitations>();
        services.AddSignInRateLimit();
        services.AddScoped<UserDirectory>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, configureOptions: null)
            .AddIdentityCookies();
        services.AddIdentityCore<TandemUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<TandemIdentityDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/signin";
            o.LogoutPath = "/signout";
            o.Cookie.Name = "tandem";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.HttpOnly = true;

            // API and webhook callers are programs: they get a status code, not a sign-in page.
            o.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden);
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<TandemWebOptions>>((o, web) =>
        {
            // Behind a TLS proxy the cookie never travels in clear.
            if (web.Value.PublicBaseUri() is { Scheme: "https" })
            {
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            }
        });

        // Signing out changes the user's security stamp; checking it on every request makes an old cookie worthless at once.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, p => p
                .AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName, IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser());
        services.AddCascadingAuthenticationState();
        return services;
    }

    public static WebApplication UseTandemSignIn(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<TandemWebOptions>>().Value.PublicBaseUri() is { Scheme: "https" })
        {
            // The proxy on this machine (Tandem listens on loopback only, the default known proxy) terminates TLS.
            app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost });
            app.UseHsts();
        }

        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapPost("/signout", async (HttpContext context, SignInManager<TandemUser> signIn) =>
        {
            // A new security stamp makes every cookie issued so far fail validation, not only the one in this browser.
            if (await signIn.UserManager.GetUserAsync(context.User) is { } user)
            {
                await signIn.UserManager.UpdateSecurityStampAsync(user);
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect("/");
        }).ExcludeFromDescription();
        return app;
    }

    private static Task Refuse(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || context.Request.Path.StartsWithSegments("/hooks", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
