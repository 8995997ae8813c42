using Tandem.Connectors.Contract;

namespace Tandem.Connectors.Http;

/// <summary>
/// A response body read under the account's limits: past <see cref="HttpLimits.MaxResponseBytes"/> it throws, and
/// every read waits at most until the response's deadline, so an app that trickles its answer is cut off too.
/// </summary>
internal sealed class LimitedStream : Stream
{
    private readonly Stream inner;
    private readonly ResponseBudget budget;
    private long read;

    public LimitedStream(Stream inner, ResponseBudget budget)
    {
        this.inner = inner;
        this.budget = budget;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count), CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // One byte more than the cap is asked for, so a body of exactly the cap still ends cleanly.
        var room = budget.MaxBytes - read + 1;
        var window = room < buffer.Length ? buffer[..(int)room] : buffer;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Deadline);
        int n;
        try
        {
            n = await inner.ReadAsync(window, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && budget.Deadline.IsCancellationRequested)
        {
            throw budget.TooSlow(ex);
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested && budget.Deadline.IsCancellationRequested)
        {
            throw budget.TooSlow(ex);
        }

        read += n;
        if (read > budget.MaxBytes)
        {
            throw budget.TooLarge();
        }

        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
