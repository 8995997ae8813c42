using Tandem.Web.Services.Catalog;

namespace Tandem.Web.Api;

/// <summary><c>/apps</c>: the catalogue, each app with its authorisation form and capabilities.</summary>
internal static class AppsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var apps = api.MapGroup("/apps").WithTags("Apps");
        apps.MapGet("/", (AppCatalogService catalog) => catalog.List())
            .WithSummary("The apps that can be connected.");
        apps.MapGet("/{app}", (string app, AppCatalogService catalog) => catalog.Get(app))
            .WithSummary("One app: its authorisation form (secret fields flagged; sandbox values in sandbox mode) and capabilities.");
    }
}
