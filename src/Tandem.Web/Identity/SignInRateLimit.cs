using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Tandem.Web.Hosting;

namespace Tandem.Web.Identity;

/// <summary>
/// Sign-in and sign-up form posts are limited per client address (<c>Tandem:SignInAttemptsPerMinute</c>), so passwords
/// cannot be guessed at speed; more get 429. Identity's own lockout (five failures, five minutes) stays short, so a
/// stranger can hold a known user out for minutes at most, not for ever.
/// </summary>
public static class SignInRateLimit
{
    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method)
                    || !(context.Request.Path.Equals("/signin", StringComparison.OrdinalIgnoreCase) || context.Request.Path.Equals("/signup", StringComparison.OrdinalIgnoreCase)))
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var limit = context.RequestServices.GetRequiredService<IOptions<TandemWebOptions>>().Value.SignInAttemptsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    "signin:" + context.Connection.RemoteIpAddress,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            o.OnRejected = (rejected, _) =>
            {
                rejected.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                return new ValueTask(rejected.HttpContext.Response.WriteAsync("Too many attempts from this address; wait a minute and try again.", rejected.HttpContext.RequestAborted));
            };
        });
        return services;
    }
}
