using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.Workbooks.Internal;

/// <summary>
/// Workbooks throttles by redirecting "via a delaying URL", and its redirects "must be followed" (client library README,
/// "Rate Limits"). This handler follows a 302 to another <c>.api</c> address of the same origin (scheme, host, port),
/// sending the same request again, at most five times; the network guard below still checks every connection. A
/// redirect to another origin is refused as every connector refuses one. A redirect to a page of the same origin is what
/// Workbooks answers to a request whose session ended ("the same response code is received when you try to use an
/// invalid session-ID"), so it becomes a 401 <c>no_session</c> answer.
/// </summary>
internal sealed class FollowThrottleRedirects : DelegatingHandler
{
    private const int MaxHops = 5;
    private readonly ILogger logger;

    public FollowThrottleRedirects(ILogger logger)
    {
        this.logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var mediaType = request.Content?.Headers.ContentType;
        var current = RedirectAnswers.PassToCaller(request);
        for (var hop = 0; ; hop++)
        {
            var response = await base.SendAsync(current, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is not (HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.MovedPermanently))
            {
                return response;
            }

            var status = response.StatusCode;
            var target = response.Headers.Location is { } location ? new Uri(current.RequestUri!, location) : null;
            response.Dispose();
            if (target is null || !SameOrigin(target, request.RequestUri!))
            {
                // Another origin is never followed: the redirect could point anywhere the network guard was not asked about.
                throw new Contract.ConnectorException($"Workbooks answered with a redirect ({(int)status}); Tandem does not follow redirects.");
            }

            if (!target.AbsolutePath.EndsWith(".api", StringComparison.Ordinal))
            {
                return SessionEnded(request);
            }

            if (hop == MaxHops)
            {
                throw new Contract.ConnectorException($"Workbooks kept redirecting a request after {MaxHops} redirects; Tandem stopped.");
            }

            WorkbooksLog.Redirected(logger, (int)status, target.AbsolutePath);
            var next = new HttpRequestMessage(request.Method, target);
            foreach (var header in request.Headers)
            {
                next.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            foreach (var option in request.Options)
            {
                next.Options.Set(new HttpRequestOptionsKey<object?>(option.Key), option.Value);
            }

            if (body is not null)
            {
                next.Content = new ByteArrayContent(body);
                next.Content.Headers.ContentType = mediaType;
            }

            if (!ReferenceEquals(current, request))
            {
                current.Dispose();
            }

            current = RedirectAnswers.PassToCaller(next);
        }
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

    private static HttpResponseMessage SessionEnded(HttpRequestMessage request) => new(HttpStatusCode.Unauthorized)
    {
        RequestMessage = request,
        Content = new StringContent("{\"success\":false,\"failure_reason\":\"no_session\",\"failure_message\":\"Workbooks redirected the request away: the session ended.\"}", Encoding.UTF8, "application/json"),
    };
}
