using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace Tandem.Sandbox.Workbooks;

/// <summary>
/// A request's parameters as Workbooks reads them: the query string and the form-encoded body together, array
/// parameters (<c>id[]</c>) in the order sent, and the method a POST tunnels with <c>_method</c>.
/// </summary>
internal sealed class WorkbooksParameters
{
    private static readonly FormOptions FormLimits = new() { ValueCountLimit = 100_000 };

    private readonly Dictionary<string, StringValues> values = new(StringComparer.Ordinal);

    private WorkbooksParameters(string method)
    {
        Method = method;
    }

    /// <summary>The effective method: a POST's <c>_method</c> (GET, PUT, DELETE), else the HTTP method.</summary>
    public string Method { get; private set; }

    public IEnumerable<string> Names => values.Keys;

    public static async Task<WorkbooksParameters> ReadAsync(HttpRequest request)
    {
        var parameters = new WorkbooksParameters(request.Method.ToUpperInvariant());
        foreach (var (key, value) in request.Query)
        {
            parameters.values[key] = value;
        }

        if (request.HasFormContentType)
        {
            // A square array of 100 people with every column is thousands of values, beyond ASP.NET's default of 1,024.
            var form = await request.ReadFormAsync(FormLimits, request.HttpContext.RequestAborted).ConfigureAwait(false);
            foreach (var (key, value) in form)
            {
                parameters.values[key] = parameters.values.TryGetValue(key, out var seen) ? StringValues.Concat(seen, value) : value;
            }
        }

        if (parameters.Method == "POST" && parameters.One("_method") is { } tunnelled)
        {
            parameters.Method = tunnelled.ToUpperInvariant();
        }

        return parameters;
    }

    /// <summary>A single parameter, or null; the bracketless form of a one-element array is accepted too.</summary>
    public string? One(string name) => values.TryGetValue(name, out var value) && value.Count > 0 ? value[0] : null;

    /// <summary>An array parameter (<c>name[]</c>), or the plain parameter as a one-element array.</summary>
    public IReadOnlyList<string> Array(string name) =>
        values.TryGetValue(name + "[]", out var items) ? [.. items.OfType<string>()]
        : values.TryGetValue(name, out var single) ? [.. single.OfType<string>()]
        : [];

    public bool Flag(string name) => One(name) is { } text && text.ToUpperInvariant() is "TRUE" or "1" or "YES" or "T" or "ON" or "Y";
}
