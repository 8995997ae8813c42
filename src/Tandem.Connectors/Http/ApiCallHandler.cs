using System.Diagnostics;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Cost;

namespace Tandem.Connectors.Http;

/// <summary>
/// Records each attempt that reaches the network as one API call: a client span (a child of the run's phase) and one
/// <c>http.client.request.duration</c> measurement. See <see cref="ConnectorTelemetry"/> for what is never recorded.
/// </summary>
internal sealed class ApiCallHandler(ConnectorContext context) : DelegatingHandler
{
    private const string Unknown = "unknown";

    /// <summary>
    /// Counts the call's cost against the account's budget: an answer that says the day's budget is spent marks it so; a
    /// refused call (429) costs nothing; anything else the app answered costs what its model says.
    /// </summary>
    private void Spend(HttpRequestMessage request, HttpResponseMessage response)
    {
        if (context.Budget is not { } budget)
        {
            return;
        }

        var model = budget.Model;
        if (model.SaysBudgetSpent(response))
        {
            budget.MarkSpent();
            return;
        }

        if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
        {
            return;
        }

        var cost = model.CostOf(request.Method, request.RequestUri?.AbsolutePath ?? string.Empty);
        budget.Spend(cost);
        CostTelemetry.Spent(context.App, context.ConnectionId, model.Unit, cost);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.Method.Method;
        var server = request.RequestUri?.Host ?? Unknown;
        var port = request.RequestUri?.Port ?? 0;
        var tags = new TagList
        {
            { "http.request.method", method },
            { "server.address", server },
            { "server.port", port },
            { "tandem.app", context.App ?? Unknown },
            { "tandem.connection.id", context.ConnectionId ?? Unknown },
        };
        using var activity = ConnectorTelemetry.Source.StartActivity(method, ActivityKind.Client);
        if (activity is not null)
        {
            foreach (var tag in tags)
            {
                activity.SetTag(tag.Key, tag.Value);
            }
        }

        var started = context.Time.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            Spend(request, response);
            tags.Add("http.response.status_code", status);
            activity?.SetTag("http.response.status_code", status);
            if (status >= 400)
            {
                tags.Add("error.type", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
                activity?.SetTag("error.type", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
                activity?.SetStatus(ActivityStatusCode.Error);
            }

            return response;
        }
        catch (Exception ex)
        {
            tags.Add("error.type", ex.GetType().FullName);
            activity?.SetTag("error.type", ex.GetType().FullName);
            activity?.SetStatus(ActivityStatusCode.Error);
            throw;
        }
        finally
        {
            ConnectorTelemetry.RequestDuration.Record(context.Time.GetElapsedTime(started).TotalSeconds, tags);
        }
    }
}
