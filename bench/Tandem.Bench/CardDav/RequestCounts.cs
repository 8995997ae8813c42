namespace Tandem.Bench.CardDav;

/// <summary>HTTP requests a tool sent during one step, in total and per method.</summary>
public sealed record RequestCounts(long Total, IReadOnlyDictionary<string, long> ByMethod)
{
    public static readonly RequestCounts None = new(0, new Dictionary<string, long>());

    /// <summary>"REPORT 2, PROPFIND 2, PUT 100".</summary>
    public string Methods() => Total == 0 ? "none" : string.Join(", ", ByMethod.OrderByDescending(m => m.Value).Select(m => $"{m.Key} {m.Value}"));
}
