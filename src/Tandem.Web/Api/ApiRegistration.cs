using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using Tandem.Web.Identity;

namespace Tandem.Web.Api;

/// <summary>The REST API under <c>/api/v1</c>, described by the OpenAPI document at <c>/openapi/v1.json</c>.</summary>
public static class ApiRegistration
{
    public const string Prefix = "/api/v1";

    /// <summary>Where people read and try the API.</summary>
    public const string DocsPath = "/api/docs";

    public static IServiceCollection AddTandemApi(this IServiceCollection services)
    {
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Tandem API";
            document.Info.Description = "Everything the Tandem web app does, for programs: send `Authorization: Bearer <token>` with a token made under /api/v1/tokens.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A Tandem API token (tdm_…).",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
            return Task.CompletedTask;
        }));
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());

            // A misspelt member must be refused, not silently ignored.
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
        return services;
    }

    public static WebApplication MapTandemApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.MapOpenApi();

        // The API reference for people: Swagger UI (its files are inside the package, nothing is fetched) over the document above.
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = DocsPath.TrimStart('/');
            o.SwaggerEndpoint("/openapi/v1.json", "Tandem API v1");
            o.DocumentTitle = "Tandem API reference";
        });

        // Antiforgery tokens are for forms; the API checks a cookie-signed call's Origin instead (CookieCallsFromOwnPages).
        var api = app.MapGroup(Prefix).RequireAuthorization(SignInRegistration.ApiPolicy).DisableAntiforgery()
            .AddEndpointFilter<CookieCallsFromOwnPages>().AddEndpointFilter<ReadOnlyTokens>();
        AppsEndpoints.Map(api);
        AccountsEndpoints.Map(api);
        FieldsEndpoints.Map(api);
        ConnectionsEndpoints.Map(api);
        StatusEndpoints.Map(api);
        PossibleMatchEndpoints.Map(api);
        TokensEndpoints.Map(api);
        UsersEndpoints.Map(api);
        return app;
    }
}
