using System.Net;
using System.Text.Json.Nodes;
using Tandem.Web.Identity;
using Tandem.Web.Identity.ApiTokens;
using Tandem.Web.Tests.Harness;
using Tandem.Web.Tests.Hooks;

namespace Tandem.Web.Tests.Security;

/// <summary>
/// Two users on one server: every route of the OpenAPI document (not a list kept by hand, so a route added later is
/// walked too) is called as the stranger with the owner's ids in its path, query and body, and answers 404; the lists
/// without ids never show the owner's things. A route the walk cannot fill fails the test until it is taught.
/// </summary>
public sealed class EveryRouteIsolationTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    // Routes that only ever make the caller's own thing from a body that names nothing of anyone else's.
    private static readonly HashSet<string> MakeTheCallersOwn = ["POST /api/v1/accounts", "POST /api/v1/tokens"];

    // The catalogue is the same for everyone: no owner, nothing to hide.
    private static readonly HashSet<string> SharedByEveryone = ["GET /api/v1/apps/{app}"];

    [Fact]
    public async Task Every_route_answers_404_to_another_user_who_names_the_owners_things()
    {
        using var owner = await server.NewUserAsync();
        using var stranger = await server.NewUserAsync();
        var (accountA, accountB) = await WebhookRegistrationTests<SqlitePublicUrlServer>.AccountsAsync(owner);
        var connection = await WebhookRegistrationTests<SqlitePublicUrlServer>.ConnectionAsync(owner, accountA, accountB);
        var tokenId = (await Tokens.ListAsync(new Owner(owner.UserId), TestContext.Current.CancellationToken)).Single().Id;
        var ids = new Ids(accountA, accountB, connection, tokenId, owner.UserId);
        var document = (await stranger.GetAsync("openapi/v1.json")).Expect(HttpStatusCode.OK);

        var walked = new List<string>();
        var leaks = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(o => o.Key is "get" or "post" or "put" or "patch" or "delete"))
            {
                var route = $"{method.ToUpperInvariant()} {path}";
                if (MakeTheCallersOwn.Contains(route) || SharedByEveryone.Contains(route))
                {
                    continue;
                }

                walked.Add(route);
                var parameters = operation!["parameters"]?.AsArray() ?? [];
                var url = Fill(route, path, parameters, ids);
                var body = Body(route, operation, document, ids);
                var answer = await stranger.SendAsync(new HttpMethod(method.ToUpperInvariant()), url, body);
                var namesTheOwners = ids.AnyIn(url) || (body is not null && ids.AnyIn(body.ToJsonString()));
                if (namesTheOwners ? answer.Status != HttpStatusCode.NotFound : ids.AnyIn(answer.Text) || (int)answer.Status >= 500)
                {
                    leaks.Add($"{route} as {url}: {(int)answer.Status} {answer.Text}");
                }
            }
        }

        Assert.True(leaks.Count == 0, "These routes let a stranger reach the owner's things:\n" + string.Join("\n", leaks));
        Assert.Contains("POST /api/v1/connections/{id}/pause", walked);
        Assert.Contains("DELETE /api/v1/tokens/{id}", walked);
        Assert.True(walked.Count >= 30, $"Only {walked.Count} routes were walked: {string.Join(", ", walked)}");
    }

    private ApiTokenService Tokens => (ApiTokenService)server.Server.Services.GetService(typeof(ApiTokenService))!;

    private static string Fill(string route, string path, JsonArray parameters, Ids ids)
    {
        var url = path;
        var query = new List<string>();
        foreach (var parameter in parameters)
        {
            var name = parameter!["name"]!.GetValue<string>();
            var where = parameter["in"]!.GetValue<string>();
            var required = parameter["required"]?.GetValue<bool>() ?? false;
            var value = name switch
            {
                "id" => ids.ForIdIn(path),
                "accountA" => ids.AccountA,
                "accountB" => ids.AccountB,
                "matchId" => "1",
                "side" => "A",
                "field" => "email",
                _ when !required => null,
                _ => throw new InvalidOperationException($"{route}: the walk does not know how to fill the required parameter '{name}'; teach it."),
            };
            if (value is null)
            {
                continue;
            }

            if (where == "path")
            {
                url = url.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
            }
            else
            {
                query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        return url + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty);
    }

    /// <summary>The smallest body the route's schema accepts, naming the owner's accounts wherever it names accounts.</summary>
    private static JsonObject? Body(string route, JsonNode operation, JsonNode document, Ids ids)
    {
        if (operation["requestBody"]?["content"]?["application/json"]?["schema"] is not { } schema)
        {
            return null;
        }

        var resolved = Resolve(schema, document);
        var required = resolved["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? [];
        var body = new JsonObject();
        foreach (var (name, property) in resolved["properties"]?.AsObject() ?? [])
        {
            JsonNode? value = name switch
            {
                "accountA" => ids.AccountA,
                "accountB" => ids.AccountB,
                "direction" => "AToB",
                _ when !required.Contains(name) => null,
                _ => Smallest(route, name, Resolve(property!, document)),
            };
            if (value is not null)
            {
                body[name] = value;
            }
        }

        return body;
    }

    private static JsonNode Smallest(string route, string name, JsonNode schema)
    {
        if (schema["enum"] is JsonArray values && values.Count > 0)
        {
            return values[0]!.DeepClone();
        }

        var type = schema["type"] is JsonArray types ? types.Select(t => t!.GetValue<string>()).First(t => t != "null") : schema["type"]?.GetValue<string>();
        return type switch
        {
            "string" => "x",
            "integer" or "number" => 1,
            "boolean" => false,
            "array" => new JsonArray(),
            "object" => new JsonObject(),
            _ => throw new InvalidOperationException($"{route}: the walk does not know how to fill the body member '{name}'; teach it."),
        };
    }

    private static JsonNode Resolve(JsonNode schema, JsonNode document) =>
        schema["$ref"]?.GetValue<string>() is { } reference
            ? document["components"]!["schemas"]![reference.Split('/')[^1]]!
            : schema;

    private sealed record Ids(string AccountA, string AccountB, string Connection, string Token, string User)
    {
        public string ForIdIn(string path) =>
            path.Contains("/accounts/{id}", StringComparison.Ordinal) ? AccountA
            : path.Contains("/connections/{id}", StringComparison.Ordinal) ? Connection
            : path.Contains("/tokens/{id}", StringComparison.Ordinal) ? Token
            : path.Contains("/users/{id}", StringComparison.Ordinal) ? User
            : throw new InvalidOperationException($"{path}: the walk does not know whose thing {{id}} is; teach it.");

        public bool AnyIn(string text) => new[] { AccountA, AccountB, Connection, Token, User }.Any(id => text.Contains(id, StringComparison.Ordinal));
    }
}
