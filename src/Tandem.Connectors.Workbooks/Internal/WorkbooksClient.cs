using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.Workbooks.Internal;

/// <summary>
/// The Workbooks calls the connector makes: reads as GETs with their parameters in the query string, writes as the
/// official bindings send them (a form-encoded POST with <c>_method=PUT</c>), each with <c>client=api</c> and a
/// <c>_dc</c> cache buster; authorised by <c>api_key</c> and
/// <c>_api_version</c> on each request, or by a <c>login.api</c> session (the <c>Workbooks-Session</c> cookie, and
/// <c>_authenticity_token</c> on writes) that is opened on first use and once more when it ends. Reads are safe to
/// repeat; writes are not (a create sent twice is two people). Errors become <see cref="WorkbooksApiException"/>.
/// </summary>
internal sealed class WorkbooksClient : IDisposable
{
    private readonly JsonApiClient http;
    private readonly WorkbooksSettings settings;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly SemaphoreSlim loginGate = new(1, 1);
    private (string SessionId, string AuthenticityToken)? session;

    public WorkbooksClient(JsonApiClient http, WorkbooksSettings settings, TimeProvider time, ILogger logger)
    {
        this.http = http;
        this.settings = settings;
        this.time = time;
        this.logger = logger;
    }

    public ListingBudget Listing => http.Listing;

    /// <summary>A read (<c>_method=GET</c>); its <c>data</c> must be a list, counted against the listing budget.</summary>
    public async Task<JsonArray> ReadAsync(string path, WorkbooksForm parameters, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(path, "GET", parameters, cancellationToken).ConfigureAwait(false);
        if (answer["success"] is not JsonValue ok || !ok.TryGetValue<bool>(out var success) || !success || answer["data"] is not JsonArray data)
        {
            // Never read as "no people": an answer without its list is an error for the run.
            throw new ConnectorException("Workbooks answered a read without its list of records (no success and data); Tandem stopped rather than guess.");
        }

        http.Listing.Count(data.Count);
        return data;
    }

    /// <summary>A write (<c>_method=PUT</c>): the answer as it is, <c>success:false</c> included (per-object results are the caller's).</summary>
    public Task<JsonObject> WriteAsync(string path, WorkbooksForm parameters, CancellationToken cancellationToken) =>
        SendAsync(path, "PUT", parameters, cancellationToken);

    public void Dispose()
    {
        http.Dispose();
        loginGate.Dispose();
    }

    private async Task<JsonObject> SendAsync(string path, string method, WorkbooksForm parameters, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = settings.UsesSession ? await SessionAsync(cancellationToken).ConfigureAwait(false) : default;
            var form = new WorkbooksForm().Add("client", "api");
            if (settings.ApiKey is { } key)
            {
                form.Add("api_key", key).Add("_api_version", "1");
            }
            else if (method != "GET")
            {
                form.Add("_authenticity_token", current.AuthenticityToken);
            }

            foreach (var item in parameters.Items)
            {
                form.Add(item.Key, item.Value);
            }

            var request = await RequestAsync(path, method, form, cancellationToken).ConfigureAwait(false);
            if (settings.UsesSession)
            {
                request.Headers.Add("Cookie", "Workbooks-Session=" + current.SessionId);
            }

            var answer = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (answer.IsSuccess)
            {
                return answer.Body;
            }

            var error = Error(answer);
            if (settings.UsesSession && error.IsSessionEnded && attempt == 0)
            {
                WorkbooksLog.SessionEnded(logger, error.FailureReason);
                session = null;
                continue;
            }

            throw error;
        }
    }

    private async Task<(string SessionId, string AuthenticityToken)> SessionAsync(CancellationToken cancellationToken)
    {
        if (session is { } open)
        {
            return open;
        }

        await loginGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return session ??= await LoginAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            loginGate.Release();
        }
    }

    /// <summary>
    /// The databases the credentials reach, by id and name: a login without a database (<c>login.api</c> answers them
    /// with the session, or with 403 <c>no_database_selection_made</c> when there are several).
    /// </summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> DatabasesAsync(CancellationToken cancellationToken)
    {
        var form = new WorkbooksForm().Add("client", "api").Add("api_version", "1");
        if (settings.ApiKey is { } key)
        {
            form.Add("api_key", key);
        }
        else
        {
            form.Add("username", settings.Username!).Add("password", settings.Password!);
        }

        var answer = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, Address("login.api")) { Content = new FormUrlEncodedContent(form.Items) }, cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccess && JsonFields.Text(answer.Body, "failure_reason") != "no_database_selection_made")
        {
            throw Error(answer);
        }

        return [.. JsonFields.Items(answer.Body, "databases")
            .Where(d => JsonFields.Int(d, "id") is not null)
            .Select(d => (JsonFields.Int(d, "id")!.Value.ToString(CultureInfo.InvariantCulture), JsonFields.Text(d, "name") ?? JsonFields.Int(d, "id")!.Value.ToString(CultureInfo.InvariantCulture)))];
    }

    /// <summary>The number login.api takes for a database given by its number or by its name (as the form lists them).</summary>
    private async Task<string> DatabaseNumberAsync(string given, CancellationToken cancellationToken)
    {
        if (int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return given;
        }

        var databases = await DatabasesAsync(cancellationToken).ConfigureAwait(false);
        return databases.FirstOrDefault(d => string.Equals(d.Name, given.Trim(), StringComparison.OrdinalIgnoreCase)).Id
            ?? throw new ConnectorSettingsException($"The setting Database must be one of the databases your Workbooks login reaches: {string.Join(", ", databases.Select(d => d.Name))}.");
    }

    private async Task<(string, string)> LoginAsync(CancellationToken cancellationToken)
    {
        var form = new WorkbooksForm()
            .Add("username", settings.Username!)
            .Add("password", settings.Password!)
            .Add("client", "api")
            .Add("api_version", "1");
        if (settings.DatabaseId is { } database)
        {
            form.Add("logical_database_id", await DatabaseNumberAsync(database, cancellationToken).ConfigureAwait(false));
        }

        var answer = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, Address("login.api")) { Content = new FormUrlEncodedContent(form.Items) }, cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccess)
        {
            var error = Error(answer);
            if (error.FailureReason == "no_database_selection_made")
            {
                var names = JsonFields.Items(answer.Body, "databases")
                    .Select(d => $"{JsonFields.Text(d, "name")} ({JsonFields.Int(d, "id")?.ToString(CultureInfo.InvariantCulture)})");
                throw new ConnectorException($"Your Workbooks login reaches several databases: {string.Join(", ", names)}. Put the number of the one to sync in the setting Database.")
                {
                    IsAuthorizationFailure = true,
                };
            }

            throw error;
        }

        var id = JsonFields.Text(answer.Body, "session_id");
        var token = JsonFields.Text(answer.Body, "authenticity_token");
        if (id is null || token is null)
        {
            throw new ConnectorException("Workbooks accepted the login but answered without a session id and authenticity token.");
        }

        WorkbooksLog.LoggedIn(logger, JsonFields.Int(answer.Body, "logical_database_id") ?? 0);
        return (id, token);
    }

    /// <summary>
    /// A read is a GET with its parameters in the query string; a write is a POST tunnelling PUT (<c>_method=PUT</c>) with
    /// a form body, so the HTTP pipeline never repeats it blindly (a create sent twice is two people).
    /// </summary>
    private async Task<HttpRequestMessage> RequestAsync(string path, string method, WorkbooksForm form, CancellationToken cancellationToken)
    {
        if (method == "GET")
        {
            using var query = new FormUrlEncodedContent(form.Items);
            var text = await query.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return new HttpRequestMessage(HttpMethod.Get, new Uri(Address(path) + "&" + text, UriKind.Relative));
        }

        return new HttpRequestMessage(HttpMethod.Post, Address(path)) { Content = new FormUrlEncodedContent([new("_method", method), .. form.Items]) };
    }

    private Uri Address(string path) =>
        new(path + "?_dc=" + time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), UriKind.Relative);

    private static WorkbooksApiException Error(JsonAnswer answer) => new(
        answer.Status,
        JsonFields.Text(answer.Body, "failure_reason") ?? "error",
        JsonFields.Text(answer.Body, "failure_message") ?? string.Empty);
}
