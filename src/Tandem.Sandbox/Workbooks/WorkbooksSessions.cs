using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.Workbooks;

/// <summary>
/// <c>/login.api</c> and <c>/logout.api</c> (client library README, "Authentication"): a login with an API key, or a
/// user name and password (and <c>logical_database_id</c> when the user has several databases), answers the session
/// in the <c>Workbooks-Session</c> cookie and an <c>authenticity_token</c> that writes must send back.
/// </summary>
internal sealed class WorkbooksSessions
{
    public const string Cookie = "Workbooks-Session";

    private readonly WorkbooksSandboxOptions options;
    private readonly ConcurrentDictionary<string, (string AuthenticityToken, int Database)> sessions = new(StringComparer.Ordinal);

    public WorkbooksSessions(WorkbooksSandboxOptions options)
    {
        this.options = options;
    }

    public int Logins { get; private set; }

    /// <summary>The session a request's cookie names, or null.</summary>
    public (string AuthenticityToken, int Database)? Find(HttpRequest request) =>
        request.Cookies[Cookie] is { } id && sessions.TryGetValue(id, out var session) ? session : null;

    /// <summary>Ends every session, as Workbooks does when its service is upgraded.</summary>
    public void ExpireAll() => sessions.Clear();

    public IResult Login(HttpContext context, WorkbooksParameters parameters)
    {
        int database;
        if (parameters.One("api_key") is { } key)
        {
            if (!string.Equals(key, options.ApiKey, StringComparison.Ordinal))
            {
                throw new WorkbooksApiException(401, "unrecognised_name_or_password", "Either the name or the password was not correct.");
            }

            database = options.Databases[0].Key;
        }
        else
        {
            if (!string.Equals(parameters.One("username"), options.Username, StringComparison.OrdinalIgnoreCase)
                || !string.Equals(parameters.One("password"), options.Password, StringComparison.Ordinal))
            {
                throw new WorkbooksApiException(401, "unrecognised_name_or_password", "Either the name or the password was not correct.");
            }

            var chosen = parameters.One("logical_database_id");
            if (chosen is null && options.Databases.Count > 1)
            {
                var refusal = Describe(options.Databases[0].Key, null, null);
                refusal["failure_reason"] = "no_database_selection_made";
                refusal["failure_message"] = "Choose the database to log into (logical_database_id).";
                return WorkbooksAnswers.Json(refusal, StatusCodes.Status403Forbidden);
            }

            database = chosen is null ? options.Databases[0].Key
                : options.Databases.FirstOrDefault(d => d.Key.ToString(CultureInfo.InvariantCulture) == chosen) is { Value: not null } found ? found.Key
                : throw new WorkbooksApiException(403, "requested_database_not_available", "The requested database is not available.");
        }

        var id = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var token = RandomNumberGenerator.GetHexString(40, lowercase: true);
        sessions[id] = (token, database);
        Logins++;
        context.Response.Headers.SetCookie = $"{Cookie}={id}; path=/; secure; HttpOnly";
        return WorkbooksAnswers.Json(Describe(database, id, token));
    }

    public IResult Logout(HttpContext context)
    {
        if (context.Request.Cookies[Cookie] is { } id)
        {
            sessions.TryRemove(id, out _);
        }

        return Results.Redirect("/");
    }

    private JsonObject Describe(int database, string? sessionId, string? token)
    {
        var json = new JsonObject
        {
            ["database_name"] = options.Databases.First(d => d.Key == database).Value,
            ["logical_database_id"] = database,
            ["default_database_id"] = options.Databases[0].Key,
            ["user_id"] = 1,
            ["api_version"] = 1,
            ["login_name"] = options.Username,
            ["person_name"] = "Demo User",
            ["databases"] = new JsonArray(options.Databases.Select(d => (JsonNode)new JsonObject { ["id"] = d.Key, ["name"] = d.Value }).ToArray()),
        };
        if (sessionId is not null)
        {
            json["session_id"] = sessionId;
            json["authenticity_token"] = token;
        }

        return json;
    }
}
