namespace Tandem.Connectors.Http;

/// <summary>
/// Holds each attempt until the account has room in its app's short rate limits (<see cref="Cost.CostModel.Windows"/>),
/// so an account's connections together stay within them instead of learning them from 429s. Below the retries: every
/// attempt counts.
/// </summary>
internal sealed class WindowPacingHandler(Catalog.ConnectorContext context) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (context.Budget is { } budget)
        {
            await budget.WaitForRoomAsync(request.Method, request.RequestUri?.AbsolutePath ?? string.Empty, cancellationToken).ConfigureAwait(false);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
