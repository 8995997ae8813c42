using Microsoft.AspNetCore.Routing;

namespace Tandem.Sandbox.Kit.Routing;

/// <summary>
/// A sandbox built on the kit: it maps the vendor's paths as minimal-API endpoints (route groups per API prefix) instead
/// of parsing paths by hand. <see cref="SandboxHost"/> maps them straight onto the app's own <c>WebApplication</c>;
/// <see cref="ISandboxApp.HandleAsync"/> serves the same endpoints through a <see cref="SandboxPipeline"/>.
/// </summary>
internal interface IRoutedSandbox
{
    /// <summary>Maps every path of the app, including a catch-all that answers the vendor's own 404.</summary>
    void MapEndpoints(IEndpointRouteBuilder routes);
}
