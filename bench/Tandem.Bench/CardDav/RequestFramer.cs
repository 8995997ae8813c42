using System.Globalization;
using System.Text;

namespace Tandem.Bench.CardDav;

/// <summary>
/// Copies HTTP/1.x requests from a client stream to a server stream one at a time, so each can be counted: the
/// head up to the blank line, then the body by its Content-Length or its chunks.
/// </summary>
internal sealed class RequestFramer
{
    private readonly Stream from;
    private readonly Stream to;
    private readonly byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;
    private long contentLength;
    private bool chunked;

    public RequestFramer(Stream from, Stream to)
    {
        this.from = from;
        this.to = to;
    }

    /// <summary>Forwards the next request head and returns its method, or null when the client closed.</summary>
    public async Task<string?> ForwardHeadAsync(CancellationToken cancellationToken)
    {
        var head = new MemoryStream();
        var line = new StringBuilder();
        var lines = new List<string>();
        while (true)
        {
            if (start == end && !await FillAsync(cancellationToken))
            {
                return null;
            }

            var b = buffer[start++];
            head.WriteByte(b);
            if (b != (byte)'\n')
            {
                line.Append((char)b);
                continue;
            }

            var text = line.ToString().TrimEnd('\r');
            line.Clear();
            if (text.Length == 0)
            {
                if (lines.Count == 0)
                {
                    continue; // stray CRLF between requests
                }

                break;
            }

            lines.Add(text);
        }

        contentLength = 0;
        chunked = false;
        foreach (var header in lines.Skip(1))
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = header[..colon].Trim();
            var value = header[(colon + 1)..].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                contentLength = long.Parse(value, CultureInfo.InvariantCulture);
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && value.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                chunked = true;
            }
        }

        await to.WriteAsync(head.GetBuffer().AsMemory(0, (int)head.Length), cancellationToken);
        return lines[0].Split(' ')[0];
    }

    public async Task ForwardBodyAsync(CancellationToken cancellationToken)
    {
        if (!chunked)
        {
            await CopyAsync(contentLength, cancellationToken);
            return;
        }

        while (true)
        {
            var sizeLine = await CopyLineAsync(cancellationToken);
            var size = long.Parse(sizeLine.Split(';')[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                // Trailers, then the blank line.
                while ((await CopyLineAsync(cancellationToken)).Length > 0)
                {
                }

                return;
            }

            await CopyAsync(size, cancellationToken);
            await CopyLineAsync(cancellationToken);
        }
    }

    private async Task CopyAsync(long count, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            if (start == end && !await FillAsync(cancellationToken))
            {
                throw new IOException("The client closed in the middle of a request body.");
            }

            var n = (int)Math.Min(count, end - start);
            await to.WriteAsync(buffer.AsMemory(start, n), cancellationToken);
            start += n;
            count -= n;
        }
    }

    private async Task<string> CopyLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        while (true)
        {
            if (start == end && !await FillAsync(cancellationToken))
            {
                throw new IOException("The client closed in the middle of a chunked body.");
            }

            var b = buffer[start++];
            await to.WriteAsync(new[] { b }, cancellationToken);
            if (b == (byte)'\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append((char)b);
        }
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        start = 0;
        end = await from.ReadAsync(buffer, cancellationToken);
        return end > 0;
    }
}
