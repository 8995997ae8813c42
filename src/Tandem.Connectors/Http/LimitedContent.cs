using System.Net;

namespace Tandem.Connectors.Http;

/// <summary>A response's content whose body is read through a <see cref="LimitedStream"/>; it owns the response's budget.</summary>
internal sealed class LimitedContent : HttpContent
{
    private readonly HttpContent inner;
    private readonly ResponseBudget budget;

    public LimitedContent(HttpContent inner, ResponseBudget budget)
    {
        this.inner = inner;
        this.budget = budget;
        foreach (var header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new LimitedStream(await inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), budget);

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var body = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
        await body.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            budget.Dispose();
        }

        base.Dispose(disposing);
    }
}
