using Tandem.Connectors.Webhooks;
using Tandem.Runtime.Hosting;
using Tandem.Runtime.Telemetry;
using Tandem.Web.Logging;
using Tandem.Web.Workers;

namespace Tandem.Web.Hooks;

/// <summary>
/// <c>/hooks/{app}/{connectionId}</c>: verifies a vendor's webhook for one connection, reads it with the
/// connector's parser, and asks for a run of the connection when it concerns contacts (the run reads the change
/// feed, so a webhook never carries data Tandem trusts on its own). Anything that does not verify gets the same
/// 404 or 401 whoever sends it, and changes nothing.
/// </summary>
public sealed class WebhookIntake(
    TandemRuntime runtime,
    WebhookApps webhookApps,
    WebhookSecrets secrets,
    RunRequests runs,
    WebhookAutoRegistration registration,
    ILogger<WebhookIntake> logger)
{
    private const string Refused = "refused";

    public async Task<IResult> ReceiveAsync(string app, string connectionId, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (webhookApps.Find(app) is not (var key, var verifier) || !await UsesAppAsync(connectionId, key, cancellationToken))
        {
            return Results.NotFound();
        }

        WebhookDelivery delivery;
        try
        {
            // The URL the app was given (what a vendor that signs the URL signed), not the one a proxy passed on.
            var server = registration.PublicUrl ?? new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
            var called = new Uri(WebhookAutoRegistration.HookUrl(server, key, connectionId) + request.QueryString.Value);
            delivery = await WebhookDeliveryReader.ReadAsync(request, called, cancellationToken);
        }
        catch (FormatException ex)
        {
            WebLog.WebhookRefused(logger, connectionId, key, ex.Message);
            RuntimeTelemetry.WebhookDelivered(key, connectionId, Refused);
            return NotADelivery(ex);
        }

        var signingKey = verifier.SigningKeySetting is { } setting ? await SigningKeyAsync(connectionId, key, setting, cancellationToken) : secrets.For(connectionId);
        if ((signingKey is null ? "the account has no key to verify the app's signature with" : verifier.Refuse(delivery, signingKey)) is { } why)
        {
            WebLog.WebhookRefused(logger, connectionId, key, why);
            RuntimeTelemetry.WebhookDelivered(key, connectionId, Refused);
            return Results.Unauthorized();
        }

        if (delivery.IsCheck)
        {
            // The vendor checking that the URL answers (some do when the webhook is saved).
            return Results.Ok();
        }

        try
        {
            if (!verifier.ConcernsContacts(delivery))
            {
                RuntimeTelemetry.WebhookDelivered(key, connectionId, "ignored");
                return Results.Ok();
            }
        }
        catch (FormatException ex)
        {
            // The parsers' messages describe the shape, never the delivery's data.
            WebLog.WebhookRefused(logger, connectionId, key, ex.Message);
            RuntimeTelemetry.WebhookDelivered(key, connectionId, Refused);
            return NotADelivery(ex);
        }

        runs.RequestForWebhook(connectionId);
        RuntimeTelemetry.WebhookDelivered(key, connectionId, "accepted");
        WebLog.WebhookAccepted(logger, connectionId, key);
        return Results.Accepted();
    }

    /// <summary>How to register each webhook the connection's apps offer.</summary>
    public async Task<IReadOnlyList<WebhookRegistration>> DescribeAsync(Uri serverBase, string connectionId, CancellationToken cancellationToken)
    {
        var registrations = new List<WebhookRegistration>();
        foreach (var app in await AppsOfAsync(connectionId, cancellationToken))
        {
            if (webhookApps.Find(app) is (var key, var verifier))
            {
                var setup = verifier.Describe(WebhookAutoRegistration.HookUrl(serverBase, key, connectionId), secrets.For(connectionId));
                registrations.Add(WebhookRegistration.Of(key, setup));
            }
        }

        return registrations;
    }

    /// <summary>The setting of the connection's account of <paramref name="app"/> that holds the app's own signing key, or null.</summary>
    private async Task<string?> SigningKeyAsync(string connectionId, string app, string setting, CancellationToken cancellationToken)
    {
        var connection = await runtime.Connections.GetAsync(connectionId, cancellationToken);
        foreach (var accountId in connection is null ? [] : new[] { connection.AccountAId, connection.AccountBId })
        {
            if (await runtime.Accounts.GetAsync(accountId, cancellationToken) is { } account && string.Equals(account.App, app, StringComparison.OrdinalIgnoreCase))
            {
                return account.Secrets.GetValueOrDefault(setting) ?? account.Settings.GetValueOrDefault(setting);
            }
        }

        return null;
    }

    private static IResult NotADelivery(FormatException ex) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a webhook delivery of this app.", detail: ex.Message);

    private async Task<bool> UsesAppAsync(string connectionId, string app, CancellationToken cancellationToken) =>
        (await AppsOfAsync(connectionId, cancellationToken)).Contains(app, StringComparer.OrdinalIgnoreCase);

    private async Task<IReadOnlyList<string>> AppsOfAsync(string connectionId, CancellationToken cancellationToken)
    {
        var connection = await runtime.Connections.GetAsync(connectionId, cancellationToken);
        if (connection is null)
        {
            return [];
        }

        var apps = new List<string>();
        foreach (var accountId in new[] { connection.AccountAId, connection.AccountBId })
        {
            if (await runtime.Accounts.GetAsync(accountId, cancellationToken) is { } account)
            {
                apps.Add(account.App);
            }
        }

        return apps.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
