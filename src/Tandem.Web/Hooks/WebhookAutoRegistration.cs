using Microsoft.Extensions.Options;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Webhooks;
using Tandem.Domain.Configuration;
using Tandem.Runtime.Hosting;
using Tandem.Storage.Accounts;
using Tandem.Storage.Connections;
using Tandem.Web.Hosting;
using Tandem.Web.Logging;
using Tandem.Web.Services.Accounts;
using Tandem.Web.Services.Catalog;

namespace Tandem.Web.Hooks;

/// <summary>
/// Registers a connection's webhooks in its apps when <c>Tandem:PublicUrl</c> is set and the app's connector can
/// (<see cref="IWebhookRegistrar"/>): the hook URL and credentials its connector's verifier describes, the app's webhook id kept
/// with the connection; removes them again. Webhooks only make changes arrive sooner (the connection keeps polling),
/// so a failure never stops anything: it is kept with the connection, in words, for the connection page.
/// </summary>
public sealed class WebhookAutoRegistration(
    TandemRuntime runtime,
    WebhookApps webhookApps,
    WebhookSecrets secrets,
    ConnectorOpener opener,
    AppCatalogService apps,
    IOptions<TandemWebOptions> options,
    ILogger<WebhookAutoRegistration> logger)
{
    /// <summary>How long one app may take to register or remove a webhook.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly Side[] Sides = [Side.A, Side.B];

    /// <summary>Where the apps reach this server, or null when <c>Tandem:PublicUrl</c> is not set (nothing is registered).</summary>
    public Uri? PublicUrl => options.Value.PublicBaseUri();

    /// <summary>The URL of a connection's hook for one app, under <paramref name="serverBase"/>.</summary>
    public static Uri HookUrl(Uri serverBase, string app, string connectionId) => new(serverBase, $"hooks/{app}/{connectionId}");

    /// <summary>
    /// Registers the connection's webhook in each app that can take one (again: the apps replace a webhook on the same
    /// URL), keeps the ids, and keeps why any app refused (or clears it). Does nothing without a public URL.
    /// </summary>
    public async Task RegisterAsync(string connectionId, CancellationToken cancellationToken)
    {
        var publicUrl = PublicUrl;
        if (publicUrl is null || await runtime.Connections.GetAsync(connectionId, cancellationToken) is not { } connection)
        {
            return;
        }

        var problems = new List<string>();
        foreach (var side in Sides)
        {
            if (await RegistrarOfAsync(connection, side, cancellationToken) is not { } found)
            {
                continue;
            }

            await using var connector = found.Connector;
            var app = apps.DisplayName(found.Account.App);
            try
            {
                var hook = found.Verifier.Describe(HookUrl(publicUrl, found.App, connection.Id), secrets.For(connection.Id));
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(Timeout);
                var id = await found.Registrar.RegisterWebhookAsync(hook.Url, hook.Username ?? string.Empty, hook.Password ?? string.Empty, timeout.Token);
                await runtime.Connections.SetWebhookIdAsync(connection.Id, side, id, cancellationToken);
                WebLog.WebhookRegistered(logger, connection.Id, found.Account.App, side.ToString());
            }
            catch (Exception ex) when (Words(ex, cancellationToken) is { } why)
            {
                WebLog.WebhookRegistrationFailed(logger, connection.Id, found.Account.App, ex.GetType().Name);
                problems.Add($"{app} did not take Tandem's webhook: {why} Changes made in {app} still arrive, at the next check rather than at once.");
            }
        }

        await runtime.Connections.SetWebhookProblemAsync(connection.Id, problems.Count == 0 ? null : string.Join(" ", problems), cancellationToken);
    }

    /// <summary>
    /// Removes the webhooks registered for the connection, forgetting their ids; an app that cannot be reached is told
    /// (the webhook then stays in that app, where the user can remove it). Works whatever <c>Tandem:PublicUrl</c> says now.
    /// </summary>
    /// <returns>Why any removal failed, or null.</returns>
    public async Task<string?> RemoveAsync(StoredConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var problems = new List<string>();
        foreach (var side in Sides)
        {
            if (connection.WebhookIdOf(side) is not { } webhookId || await RegistrarOfAsync(connection, side, cancellationToken) is not { } found)
            {
                continue;
            }

            await using var connector = found.Connector;
            var app = apps.DisplayName(found.Account.App);
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(Timeout);
                await found.Registrar.RemoveWebhookAsync(webhookId, timeout.Token);
                await runtime.Connections.SetWebhookIdAsync(connection.Id, side, null, cancellationToken);
                WebLog.WebhookRemoved(logger, connection.Id, found.Account.App, side.ToString());
            }
            catch (Exception ex) when (Words(ex, cancellationToken) is { } why)
            {
                WebLog.WebhookRemovalFailed(logger, connection.Id, found.Account.App, ex.GetType().Name);
                problems.Add($"Tandem could not remove its webhook from {app}: {why} Remove the webhook named Tandem in {app} by hand.");
            }
        }

        var problem = problems.Count == 0 ? null : string.Join(" ", problems);
        await runtime.Connections.SetWebhookProblemAsync(connection.Id, problem, cancellationToken);
        return problem;
    }

    /// <summary>The side's account, its verifier and its connector when that connector registers webhooks; null otherwise (the connector closed).</summary>
    private async Task<Registrable?> RegistrarOfAsync(StoredConnection connection, Side side, CancellationToken cancellationToken)
    {
        var account = await runtime.Accounts.GetAsync(connection.AccountIdOf(side), cancellationToken);
        if (account is null || webhookApps.Find(account.App) is not (var app, var verifier))
        {
            return null;
        }

        IContactConnector connector;
        try
        {
            connector = opener.Open(account);
        }
        catch (ConnectorException)
        {
            // Settings the app no longer accepts: the runs say so on the connection already.
            return null;
        }

        if (connector is IWebhookRegistrar registrar)
        {
            return new Registrable(account, app, verifier, connector, registrar);
        }

        await connector.DisposeAsync();
        return null;
    }

    /// <summary>What went wrong, in words for the user; null only for the caller's own cancellation.</summary>
    private static string? Words(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        OperationCanceledException => $"it did not answer within {Timeout.TotalSeconds:0} seconds.",
        ConnectorException => exception.Message,
        HttpRequestException => "it could not be reached.",
        _ => "something unexpected went wrong.",
    };

    private sealed record Registrable(StoredAccount Account, string App, IWebhookVerifier Verifier, IContactConnector Connector, IWebhookRegistrar Registrar);
}
