using Tandem.Sandbox;

namespace Tandem.Bench.ApiCalls;

/// <summary>Counts a sandbox's API exchanges as reads (GET, schema reads, and the posts an app marks as reading) and writes (anything else), and the schema reads apart; OAuth calls are left out.</summary>
public sealed class CallCounter
{
    private readonly ApiCallsApp app;
    private long reads;
    private long writes;
    private long schema;

    public CallCounter(ApiCallsApp app)
    {
        this.app = app;
    }

    public long Reads => Interlocked.Read(ref reads);

    public long Writes => Interlocked.Read(ref writes);

    /// <summary>Reads of the field schema, counted in <see cref="Reads"/> too.</summary>
    public long Schema => Interlocked.Read(ref schema);

    public void Observe(SandboxExchange exchange)
    {
        if (!app.IsApiCall(exchange.Path))
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("APICALLS_TRACE") == "1")
        {
            Console.WriteLine($"    {exchange.Method} {exchange.Path} {exchange.Status} {exchange.ResponseBody.Length}");
        }

        if (app.IsSchemaCall(exchange))
        {
            Interlocked.Increment(ref schema);
        }

        if (exchange.Method == "GET" || app.IsSchemaCall(exchange) || app.IsRead?.Invoke(exchange) == true)
        {
            Interlocked.Increment(ref reads);
        }
        else
        {
            Interlocked.Increment(ref writes);
        }
    }

    public void Reset()
    {
        Interlocked.Exchange(ref reads, 0);
        Interlocked.Exchange(ref writes, 0);
        Interlocked.Exchange(ref schema, 0);
    }
}
