using System.Buffers.Binary;
using System.Text;

namespace Tandem.Sandbox.GoogleContacts;

/// <summary>
/// Google does not keep the bytes it is sent: it re-encodes the image, so what a client reads back differs from what
/// it uploaded although the picture is the same. The sandbox reproduces that without an image library by rewriting
/// the file's metadata, which changes the bytes and never the picture: a JPEG gets a comment segment after its start
/// marker, a PNG a <c>tEXt</c> chunk after its header (earlier comments or text chunks are dropped first, so sending
/// Google's own bytes back gives the same bytes). Anything but JPEG and PNG is refused as Google refuses a file that
/// is not an image.
/// </summary>
internal static class PhotoReencoder
{
    private static readonly byte[] Note = Encoding.ASCII.GetBytes("Google");
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static StoredPhoto Reencode(byte[] bytes)
    {
        if (bytes is [0xFF, 0xD8, ..])
        {
            return new StoredPhoto(Jpeg(bytes), "image/jpeg");
        }

        if (bytes.AsSpan().StartsWith(PngSignature))
        {
            return new StoredPhoto(Png(bytes), "image/png");
        }

        throw GoogleApiException.Invalid("Invalid image: the photo must be a JPEG or PNG file.");
    }

    private static byte[] Jpeg(byte[] bytes)
    {
        using var output = new MemoryStream(bytes.Length + 16);
        output.Write([0xFF, 0xD8, 0xFF, 0xFE]);
        output.Write([(byte)((Note.Length + 2) >> 8), (byte)(Note.Length + 2)]);
        output.Write(Note);
        var at = 2;

        // Segments before the image data: drop comments (FF FE), keep the rest as they are.
        while (at + 4 <= bytes.Length && bytes[at] == 0xFF && bytes[at + 1] is not (0xDA or 0xD9))
        {
            var length = (bytes[at + 2] << 8) | bytes[at + 3];
            if (bytes[at + 1] != 0xFE)
            {
                output.Write(bytes, at, Math.Min(length + 2, bytes.Length - at));
            }

            at += length + 2;
        }

        if (at < bytes.Length)
        {
            output.Write(bytes, at, bytes.Length - at);
        }

        return output.ToArray();
    }

    private static byte[] Png(byte[] bytes)
    {
        using var output = new MemoryStream(bytes.Length + 32);
        output.Write(PngSignature);
        var at = PngSignature.Length;
        while (at + 12 <= bytes.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at));
            var type = Encoding.ASCII.GetString(bytes, at + 4, 4);
            var size = Math.Min(length + 12, bytes.Length - at);
            if (type != "tEXt")
            {
                output.Write(bytes, at, size);
            }

            if (type == "IHDR")
            {
                WriteChunk(output, "tEXt", [.. Encoding.ASCII.GetBytes("Software"), 0, .. Note]);
            }

            at += size;
        }

        return output.ToArray();
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(number, (uint)data.Length);
        output.Write(number);
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        output.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        output.Write(number);
    }

    // The CRC of PNG chunks (ISO 3309, as zlib's crc32).
    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
