using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Tandem.Sandbox.Kit.Routing;

/// <summary>
/// The endpoints of a routed sandbox as one request delegate, for <see cref="ISandboxApp.HandleAsync"/> callers that run
/// no host of their own: routing and endpoint middleware over a private service provider, built on first use.
/// </summary>
internal sealed class SandboxPipeline
{
    private readonly Lazy<RequestDelegate> pipeline;

    public SandboxPipeline(IRoutedSandbox app)
    {
        pipeline = new Lazy<RequestDelegate>(() => Build(app));
    }

    public Task HandleAsync(HttpContext context) => pipeline.Value(context);

    private static RequestDelegate Build(IRoutedSandbox app)
    {
        var diagnostics = new DiagnosticListener("Tandem.Sandbox");
        var services = new ServiceCollection()
            .AddLogging()
            .AddRouting()
            .AddSingleton(diagnostics)
            .AddSingleton<DiagnosticSource>(diagnostics)
            .BuildServiceProvider();
        var builder = new ApplicationBuilder(services);
        builder.UseRouting();
        builder.UseEndpoints(app.MapEndpoints);
        var next = builder.Build();

        // The caller's context may come from another host: route with this pipeline's services.
        return async context =>
        {
            var callers = context.RequestServices;
            await using var scope = services.CreateAsyncScope();
            context.RequestServices = scope.ServiceProvider;
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                context.RequestServices = callers;
            }
        };
    }
}
