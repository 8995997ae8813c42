namespace Tandem.Connectors.Tests.Http;

/// <summary>A body that never ends (the start of a JSON string, then 'a' forever), made as it is read; counts what was read.</summary>
internal sealed class EndlessStream : Stream
{
    private static readonly byte[] Start = "{\"pad\":\""u8.ToArray();

    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        for (var i = 0; i < count; i++)
        {
            buffer[offset + i] = BytesRead + i < Start.Length ? Start[BytesRead + i] : (byte)'a';
        }

        BytesRead += count;
        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
