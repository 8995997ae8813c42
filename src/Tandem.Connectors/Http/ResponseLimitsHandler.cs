using System.Net;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Contract;

namespace Tandem.Connectors.Http;

/// <summary>
/// The last handler before the network, once per attempt: gives the attempt its deadline (headers and body), caps its
/// body, refuses redirects, and turns a connection the <see cref="NetworkPolicy"/> refused into the account's message.
/// </summary>
internal sealed class ResponseLimitsHandler : DelegatingHandler
{
    private readonly string label;
    private readonly HttpLimits limits;
    private readonly TimeProvider time;
    private readonly string hint;
    private readonly ILogger logger;

    public ResponseLimitsHandler(string label, HttpLimits limits, TimeProvider time, string hint, ILogger logger)
    {
        this.logger = logger;
        this.hint = hint.Length == 0 ? string.Empty : " " + hint;
        this.label = label;
        this.limits = limits;
        this.time = time;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is not { IsAbsoluteUri: true } uri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ConnectorException($"Tandem only calls http and https addresses for {label}.");
        }

        var budget = new ResponseBudget(label, limits, time, request, logger);
        HttpResponseMessage response;
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Deadline);
            response = await base.SendAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (Blocked(ex) is { } blocked)
        {
            budget.Dispose();
            ConnectorsLog.ConnectionRefused(logger, blocked.Host, label);
            throw new ConnectorException(
                $"Tandem did not connect to '{blocked.Host}' for {label}: it resolves to an internal network address, which this Tandem does not allow.{hint}", ex);
        }
        catch
        {
            budget.Dispose();
            throw;
        }

        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400 && response.StatusCode != HttpStatusCode.NotModified && !RedirectAnswers.WantedBy(request))
        {
            response.Dispose();
            budget.Dispose();
            ConnectorsLog.RedirectRefused(logger, label, request.Method.Method, uri.AbsolutePath, status);
            throw new ConnectorException($"{Sentence.Capitalized(label)} answered with a redirect ({status}); Tandem does not follow redirects.");
        }

        if (response.Content.Headers.ContentLength > limits.MaxResponseBytes)
        {
            response.Dispose();
            var tooLarge = budget.TooLarge();
            budget.Dispose();
            throw tooLarge;
        }

        response.Content = new LimitedContent(response.Content, budget);
        return response;
    }

    private static BlockedAddressException? Blocked(Exception ex)
    {
        for (var e = ex.InnerException; e is not null; e = e.InnerException)
        {
            if (e is BlockedAddressException blocked)
            {
                return blocked;
            }
        }

        return null;
    }
}
