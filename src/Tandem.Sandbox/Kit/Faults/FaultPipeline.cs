using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.Kit.Faults;

/// <summary>
/// The one fault pipeline every sandbox's API route group runs through (an endpoint filter), in this order: count the
/// call; drop the connection; refuse past the simultaneous-request limit; hold a slow answer back on the sandbox's clock;
/// authenticate; take the vendor's quota (or the storm switch) and add its headers; spend from its daily budget; fail with 5xx; run the endpoint; on a
/// write, lose the answer (the write happened, the connection is dropped). Errors the endpoint throws become the vendor's
/// error body. Stale versions are the one switch an endpoint takes itself (<see cref="SandboxFaults.TakeStaleVersion"/>),
/// since only it knows which version to move.
/// </summary>
internal sealed class FaultPipeline : IEndpointFilter
{
    private readonly SandboxFaults faults;
    private readonly VendorFaults vendor;
    private readonly TimeProvider time;
    private int calls;
    private int inFlight;
    private int mostInFlight;
    private int held;

    public FaultPipeline(SandboxFaults faults, VendorFaults vendor, TimeProvider time)
    {
        this.faults = faults;
        this.vendor = vendor;
        this.time = time;
    }

    /// <summary>Requests that reached the API routes.</summary>
    public int Calls => Volatile.Read(ref calls);

    /// <summary>API requests in progress right now.</summary>
    public int InFlight => Volatile.Read(ref inFlight);

    /// <summary>
    /// Requests a slow fault holds right now, counted once their wait is on the sandbox's clock: a test that moves a
    /// fake clock waits for this, not for <see cref="InFlight"/>, or it may move the clock before the wait began.
    /// </summary>
    public int Held => Volatile.Read(ref held);

    /// <summary>The most API requests ever in progress at once.</summary>
    public int MostInFlight => Volatile.Read(ref mostInFlight);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        Interlocked.Increment(ref calls);
        if (faults.TakeDroppedConnection())
        {
            http.Abort();
            return Results.Empty;
        }

        var now = Interlocked.Increment(ref inFlight);
        try
        {
            RaiseMost(now);
            return await ServeAsync(context, next, now).ConfigureAwait(false);
        }
        catch (Exception ex) when (vendor.Error(ex) is { } answer)
        {
            return answer;
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private async ValueTask<object?> ServeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, int now)
    {
        var http = context.HttpContext;
        if (vendor.MaxConcurrentRequests > 0 && now > vendor.MaxConcurrentRequests)
        {
            return vendor.TooManyRequests();
        }

        if (faults.TakeSlow())
        {
            var wait = Task.Delay(faults.SlowDelay, time, http.RequestAborted);
            Interlocked.Increment(ref held);
            try
            {
                await wait.ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref held);
            }
        }

        if (!vendor.IsAuthorized(http))
        {
            return vendor.Unauthorized();
        }

        var storm = faults.TakeRateLimited();
        var verdict = vendor.Quota?.Take(storm) ?? (storm ? QuotaVerdict.Refused : QuotaVerdict.Granted);
        foreach (var (name, value) in verdict.Headers)
        {
            http.Response.Headers[name] = value;
        }

        if (!verdict.Allowed || (vendor.Budget is { } budget && !Spend(http, budget)))
        {
            return vendor.TooManyRequests();
        }

        if (faults.TakeServerError())
        {
            return vendor.ServerError(faults.ServerErrorStatus);
        }

        var answer = await next(context).ConfigureAwait(false);
        if (!HttpMethods.IsGet(http.Request.Method) && vendor.IsRead?.Invoke(http.Request) != true && http.GetEndpoint()?.Metadata.GetMetadata<ReadOnlyEndpoint>() is null && faults.TakeLostResponse())
        {
            // The write happened; the answer never arrives.
            http.Abort();
            return Results.Empty;
        }

        return answer;
    }

    private static bool Spend(HttpContext http, IRequestBudget budget)
    {
        var verdict = budget.Spend(http.Request);
        foreach (var (name, value) in verdict.Headers)
        {
            http.Response.Headers[name] = value;
        }

        return verdict.Allowed;
    }

    private void RaiseMost(int now)
    {
        var seen = Volatile.Read(ref mostInFlight);
        while (now > seen && Interlocked.CompareExchange(ref mostInFlight, now, seen) != seen)
        {
            seen = Volatile.Read(ref mostInFlight);
        }
    }
}
