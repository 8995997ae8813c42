using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tandem.Apps;
using Tandem.Connectors.Http;
using Tandem.Runtime.Hosting;
using Tandem.Runtime.Operations;
using Tandem.Storage;
using Tandem.Storage.Secrets;
using Tandem.Storage.Sqlite;
using Tandem.Web.Api;
using Tandem.Web.Components;
using Tandem.Web.Health;
using Tandem.Web.Hooks;
using Tandem.Web.Identity;
using Tandem.Web.Logging;
using Tandem.Web.OAuth;
using Tandem.Web.Sandbox;
using Tandem.Web.Services;
using Tandem.Web.Telemetry;

namespace Tandem.Web.Hosting;

/// <summary>
/// The one Tandem process (PRODUCT.md §7): the web UI, the REST API, webhook intake and the sync workers over
/// one database, listening on 127.0.0.1 only, with the sandbox apps beside it when they are on.
/// </summary>
public sealed class TandemWebServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TandemRuntime runtime;

    private TandemWebServer(WebApplication app, TandemRuntime runtime, HostedSandboxes sandbox)
    {
        this.app = app;
        this.runtime = runtime;
        Sandbox = sandbox;
    }

    public IServiceProvider Services => app.Services;

    public HostedSandboxes Sandbox { get; }

    /// <summary>The address it listens on once started (<c>http://127.0.0.1:5080/</c>).</summary>
    public Uri BaseAddress => new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/') + "/");

    /// <summary>Reads the configuration, starts the sandbox apps, opens and migrates the database, and builds the server.</summary>
    /// <param name="args">Command-line arguments (<c>--Tandem:Port 5090</c>, <c>--Tandem:Database "Host=…"</c>).</param>
    /// <param name="configure">Lets tests change the builder (configuration, time) before it is built.</param>
    /// <param name="cancellationToken">Stops start-up.</param>
    public static async Task<TandemWebServer> CreateAsync(string[] args, Action<WebApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(TandemWebServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder);

        // Run from a build (`dotnet run`), the UI's files (app.css, the framework's blazor.web.js) are found through the
        // build's static web assets manifest, which ASP.NET reads by itself only in Development. Read it in every
        // environment; a published app has no such manifest and serves its own wwwroot.
        builder.WebHost.UseStaticWebAssets();
        var options = builder.Configuration.GetSection(TandemWebOptions.SectionName).Get<TandemWebOptions>() ?? new TandemWebOptions();
        options.Validate();
        var dataFolder = Path.GetFullPath(options.DataFolder);
        // The folder holds the database, the master key and the sign-in keys: its owner's only (0700).
        OwnerOnlyFiles.PrepareFolder(dataFolder);
        var database = DatabaseOf(options, dataFolder);

        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        builder.AddTandemTelemetry(options.Telemetry);
        builder.Services.AddOptions<TandemWebOptions>().Bind(builder.Configuration.GetSection(TandemWebOptions.SectionName));
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataFolder, KeyMaterial.SignInKeysFolder)));
        var holder = new RuntimeHolder();
        var time = TimeProviderOf(builder);
        builder.Services.TryAddSingleton(time);
        var apps = AppCatalog.Create();
        var sandbox = await HostedSandboxes.StartAsync(options.Sandbox, apps.Sandboxes, cancellationToken);
        try
        {
            builder.Services.AddSingleton(holder);
            builder.Services.AddSingleton(sandbox);
            builder.Services.AddTandemSignIn();
            builder.Services.AddTandemServices(sp => sp.GetRequiredService<RuntimeHolder>().Runtime);
            builder.Services.AddTandemApi();
            builder.Services.AddTandemUi();
            builder.Services.AddTandemHooks(dataFolder);
            builder.Services.AddTandemOAuth(builder.Configuration, apps.Connectors);
            builder.Services.AddTandemHealth();

            var app = builder.Build();
            var runtime = await TandemRuntime.OpenAsync(
                new RuntimeOptions
                {
                    Database = database,
                    KeyFilePath = database.Provider == DatabaseProvider.Sqlite ? null : Path.Combine(dataFolder, SecretProtector.DefaultKeyFileName),
                    Time = time,
                    LoggerFactory = app.Services.GetRequiredService<ILoggerFactory>(),
                    Network = NetworkOf(options, sandbox),
                    Catalog = apps.Connectors,
                    PaceRequests = options.PaceByCostModel,
                },
                cancellationToken);
            try
            {
                await runtime.Database.MigrateIdentityAsync(cancellationToken);
            }
            catch
            {
                await runtime.DisposeAsync();
                throw;
            }

            holder.Set(runtime);
            app.UseTandemSignIn();
            app.MapTandemHealth();
            app.MapTandemTelemetry(options.Telemetry);
            app.MapTandemApi();
            app.MapTandemHooks();
            app.MapTandemOAuth();
            app.MapTandemUi();
            return new TandemWebServer(app, runtime, sandbox);
        }
        catch
        {
            await sandbox.DisposeAsync();
            throw;
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await app.StartAsync(cancellationToken);
        var logger = app.Services.GetRequiredService<ILogger<TandemWebServer>>();
        WebLog.Listening(logger, BaseAddress.ToString());
        foreach (var sandboxApp in Sandbox.All)
        {
            WebLog.SandboxRunning(logger, sandboxApp.App, sandboxApp.Host.BaseUri.ToString());
        }
    }

    /// <summary>Starts and runs until the process is asked to stop (Ctrl+C).</summary>
    public async Task RunAsync()
    {
        await StartAsync();
        await app.WaitForShutdownAsync();
    }

    public Task StopAsync() => app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        await runtime.DisposeAsync();
        await Sandbox.DisposeAsync();
    }

    /// <summary>
    /// What every connector of this server may reach: public addresses; internal ones only when the operator set
    /// <c>Tandem:AllowInternalUrls</c>; and the hosted sandbox apps by their exact addresses (scheme, host, port).
    /// </summary>
    private static NetworkPolicy NetworkOf(TandemWebOptions options, HostedSandboxes sandbox) =>
        NetworkPolicy.PublicOnly
            .WithHint("The server's operator can allow internal addresses with the setting Tandem:AllowInternalUrls.")
            .WithPrivateNetworks(options.AllowInternalUrls)
            .AndAllowing(sandbox.All.Select(a => a.Host.BaseUri));

    private static DatabaseOptions DatabaseOf(TandemWebOptions options, string dataFolder) =>
        DatabaseLocation.Parse(
            string.IsNullOrWhiteSpace(options.Database) ? Path.Combine(dataFolder, "tandem.db") : options.Database,
            options.DatabaseProvider);

    private static TimeProvider TimeProviderOf(WebApplicationBuilder builder) =>
        builder.Services.LastOrDefault(d => d.ServiceType == typeof(TimeProvider))?.ImplementationInstance as TimeProvider ?? TimeProvider.System;
}
