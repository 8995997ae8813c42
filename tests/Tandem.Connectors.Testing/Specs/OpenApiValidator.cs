using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tandem.Sandbox;

namespace Tandem.Connectors.Testing.Specs;

/// <summary>
/// Validates sandbox traffic against the vendor's OpenAPI 3 documents, in both directions: the operation exists
/// (method + path), required parameters are sent and parameter values fit their schemas, undeclared query parameters
/// are refused, the request body and the response body match their schemas (<see cref="OpenApiSchemaChecker"/>), and
/// the status code is declared. The in-process equivalent of Prism's validation proxy (NOTES.md §11).
/// </summary>
/// <remarks>
/// Plugging it into a sandbox's tests:
/// <code>
/// var validator = new OpenApiValidator()
///     .Mount("/3.0/", OpenApiDocument.LoadSpec("mailchimp/marketing.openapi.json"))
///     .Ignore("/_sandbox/")
///     .Allow("GET /lists/{listId}/members response 200$.members[].x: *", "why the spec is wrong here");
/// host = await SandboxHost.StartAsync(sandbox, port: 0, observer: validator.Observe, Ct);
/// // … exchange traffic …
/// validator.AssertNoViolations();   // in DisposeAsync, so every exchange of every test counts
/// </code>
/// A mount maps a URL prefix of the sandbox to a document; the rest of the path is matched against the document's
/// path templates. Violations read <c>METHOD /template where: problem</c>; an allowance is a pattern over that text
/// (<c>*</c> matches anything) with the reason it is allowed, for known gaps in a vendor's spec. Keep allowances few,
/// commented, and listed in the sandbox README.
/// </remarks>
public sealed class OpenApiValidator
{
    private readonly List<(string Prefix, OpenApiDocument Document)> mounts = [];
    private readonly List<string> ignored = [];
    private readonly List<(Regex Pattern, string Reason)> allowances = [];

    /// <summary>Violations seen so far, allowed ones excluded.</summary>
    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>Exchanges checked so far (to assert the validator actually saw traffic).</summary>
    public int Checked => checkedCount;

    private int checkedCount;

    public OpenApiValidator Mount(string prefix, OpenApiDocument document)
    {
        mounts.Add((prefix, document));
        mounts.Sort((a, b) => b.Prefix.Length.CompareTo(a.Prefix.Length));
        return this;
    }

    /// <summary>Paths under this prefix are not vendor API (a sandbox's admin endpoints) and are not checked.</summary>
    public OpenApiValidator Ignore(string prefix)
    {
        ignored.Add(prefix);
        return this;
    }

    /// <summary>Lets violations matching <paramref name="pattern"/> (<c>*</c> = anything) through, for the stated reason.</summary>
    public OpenApiValidator Allow(string pattern, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var regex = "^" + string.Join(".*", pattern.Split('*').Select(Regex.Escape)) + "$";
        allowances.Add((new Regex(regex, RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1)), reason));
        return this;
    }

    /// <summary>Fails the test with every distinct violation seen, one per line; also when no exchange was seen at all.</summary>
    public void AssertNoViolations()
    {
        Assert.True(Checked > 0, "The validator saw no exchange: is it passed to SandboxHost.StartAsync?");
        Assert.True(Violations.IsEmpty, "Traffic that does not match the OpenAPI documents:\n" + string.Join('\n', Violations.Distinct(StringComparer.Ordinal)));
    }

    /// <summary>Removes and returns the violations seen so far (for a test that sends a wrong request on purpose).</summary>
    public IReadOnlyList<string> TakeViolations()
    {
        var taken = new List<string>();
        while (Violations.TryDequeue(out var violation))
        {
            taken.Add(violation);
        }

        return taken;
    }

    public void Observe(SandboxExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        if (ignored.Any(p => exchange.Path.StartsWith(p, StringComparison.Ordinal)))
        {
            return;
        }

        Interlocked.Increment(ref checkedCount);
        foreach (var violation in Validate(exchange).Where(v => !allowances.Any(a => a.Pattern.IsMatch(v))))
        {
            Violations.Enqueue(violation);
        }
    }

    /// <summary>Every violation of one exchange, allowed ones included.</summary>
    public IReadOnlyList<string> Validate(SandboxExchange exchange)
    {
        var violations = new List<string>();
        // Several documents may share a prefix (HubSpot's files each hold whole paths): the first that has the operation answers.
        var candidates = mounts.Where(m => exchange.Path.StartsWith(m.Prefix, StringComparison.Ordinal)).ToList();
        if (candidates.Count == 0)
        {
            violations.Add($"{exchange.Method} {exchange.Path}: no OpenAPI document is mounted for this path");
            return violations;
        }

        var (mount, found) = candidates
            .Select(m => (Mount: m, Found: m.Document.Find(exchange.Method, "/" + exchange.Path[m.Prefix.Length..])))
            .FirstOrDefault(c => c.Found is not null, (candidates[0], null));
        if (found is null)
        {
            violations.Add($"{exchange.Method} {"/" + exchange.Path[candidates[0].Prefix.Length..]}: not an operation of {candidates[0].Document.Name}");
            return violations;
        }

        var name = $"{exchange.Method} {found.Value.Template}";
        var checker = new OpenApiSchemaChecker(mount.Document);
        CheckParameters(mount.Document, checker, found.Value.Operation, found.Value.PathItem, found.Value.PathValues, exchange, name, violations);
        CheckRequestBody(mount.Document, checker, found.Value.Operation, exchange, name, violations);
        if (!exchange.Aborted)
        {
            CheckResponse(mount.Document, checker, found.Value.Operation, exchange, name, violations);
        }

        return violations;
    }

    private static void CheckParameters(OpenApiDocument document, OpenApiSchemaChecker checker, JsonObject operation, JsonObject pathItem, IReadOnlyDictionary<string, string> pathValues, SandboxExchange exchange, string name, List<string> violations)
    {
        var parameters = (pathItem["parameters"] as JsonArray ?? []).Concat(operation["parameters"] as JsonArray ?? [])
            .OfType<JsonObject>().Select(document.Resolve)
            .GroupBy(p => (In: p["in"]?.GetValue<string>(), Name: p["name"]?.GetValue<string>()))
            .ToDictionary(g => g.Key, g => g.Last());
        var sent = exchange.Query.GroupBy(q => q.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(q => q.Value).ToList(), StringComparer.Ordinal);
        var queryKeys = QueryApiKeys(document, operation);
        foreach (var ((location, parameterName), parameter) in parameters)
        {
            var schema = parameter["schema"] as JsonObject;
            if (location == "query")
            {
                if (parameterName is not null && sent.TryGetValue(parameterName, out var values))
                {
                    foreach (var value in values.Where(_ => schema is not null))
                    {
                        checker.Check(Typed(value, document.Resolve(schema!)), schema!, $"{name} query.{parameterName}", violations);
                    }
                }
                else if (parameter["required"]?.GetValue<bool>() == true)
                {
                    violations.Add($"{name} query.{parameterName}: required parameter is missing");
                }
            }
            else if (location == "path" && parameterName is not null && schema is not null && pathValues.TryGetValue(parameterName, out var pathValue))
            {
                checker.Check(Typed(pathValue, document.Resolve(schema)), schema, $"{name} path.{parameterName}", violations);
            }
        }

        foreach (var key in sent.Keys.Where(k => !parameters.ContainsKey(("query", k)) && !queryKeys.Contains(k)))
        {
            violations.Add($"{name} query.{key}: parameter is not declared");
        }
    }

    private static void CheckRequestBody(OpenApiDocument document, OpenApiSchemaChecker checker, JsonObject operation, SandboxExchange exchange, string name, List<string> violations)
    {
        var declared = operation["requestBody"] is JsonObject body ? document.Resolve(body) : null;
        if (string.IsNullOrWhiteSpace(exchange.RequestBody))
        {
            if (declared?["required"]?.GetValue<bool>() == true)
            {
                violations.Add($"{name} request: the body is required");
            }

            return;
        }

        if (declared is null)
        {
            violations.Add($"{name} request: a body is sent but the operation declares none");
            return;
        }

        CheckContent(checker, declared["content"] as JsonObject, exchange.RequestContentType, exchange.RequestBody, $"{name} request", violations);
    }

    private static void CheckResponse(OpenApiDocument document, OpenApiSchemaChecker checker, JsonObject operation, SandboxExchange exchange, string name, List<string> violations)
    {
        var responses = operation["responses"] as JsonObject ?? [];
        var status = exchange.Status.ToString(CultureInfo.InvariantCulture);
        var declared = responses[status] ?? responses[status[0] + "XX"] ?? responses["default"];
        if (declared is not JsonObject response)
        {
            violations.Add($"{name} response {status}: status is not declared");
            return;
        }

        if (string.IsNullOrWhiteSpace(exchange.ResponseBody))
        {
            return;
        }

        CheckContent(checker, document.Resolve(response)["content"] as JsonObject, exchange.ResponseContentType, exchange.ResponseBody, $"{name} response {status}", violations);
    }

    private static void CheckContent(OpenApiSchemaChecker checker, JsonObject? content, string? contentType, string body, string at, List<string> violations)
    {
        var media = contentType?.Split(';')[0].Trim();
        var entry = content?.FirstOrDefault(c => string.Equals(c.Key, media, StringComparison.OrdinalIgnoreCase));
        entry = entry?.Value is null ? content?.FirstOrDefault(c => c.Key.Contains("json", StringComparison.OrdinalIgnoreCase)) : entry;

        // A body of any type (HubSpot's error responses declare "*/*").
        entry = entry?.Value is null ? content?.FirstOrDefault(c => c.Key == "*/*") : entry;
        if (entry?.Value is not JsonObject declared)
        {
            violations.Add($"{at}: a body of type '{media}' is sent but none is declared");
            return;
        }

        if (media is null || !media.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            // Only JSON bodies are checked against schemas; form bodies are rare in these APIs.
            return;
        }

        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            violations.Add($"{at}: the body is not valid JSON");
            return;
        }

        if (declared["schema"] is JsonObject schema)
        {
            checker.Check(json, schema, at + "$", violations);
        }
    }

    /// <summary>The names of API keys the operation (or the document) accepts in the query string.</summary>
    private static HashSet<string> QueryApiKeys(OpenApiDocument document, JsonObject operation)
    {
        var schemes = document.Root["components"]?["securitySchemes"] as JsonObject ?? [];
        var used = ((operation["security"] ?? document.Root["security"]) as JsonArray ?? [])
            .OfType<JsonObject>().SelectMany(r => r.Select(s => s.Key));
        return used.Select(s => schemes[s] as JsonObject)
            .Where(s => s?["type"]?.GetValue<string>() == "apiKey" && s["in"]?.GetValue<string>() == "query")
            .Select(s => s!["name"]!.GetValue<string>())
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A query or path value as the JSON type its schema declares, so the schema check can judge it.</summary>
    private static JsonNode? Typed(string value, JsonObject schema) => schema["type"]?.GetValue<string>() switch
    {
        "integer" when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
        "number" when decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        "boolean" when value is "true" or "false" => JsonValue.Create(value == "true"),
        "array" => new JsonArray(value.Split(',').Select(v => Typed(v, schema["items"] as JsonObject ?? [])).ToArray()),
        _ => JsonValue.Create(value),
    };
}
