using System.Globalization;
using System.Security.Cryptography;

namespace Tandem.Domain.Fields;

/// <summary>
/// Canonical photos. An inline photo is <c>data:&lt;media type&gt;;base64,&lt;bytes&gt;</c> with the media type
/// read from the bytes themselves (a JPEG labelled "JPG" by one app and "image/jpeg" by another is the same photo)
/// and the base64 re-encoded without line breaks, so two apps holding the same bytes hold the same value. A link is
/// an http(s) URL, kept as it is. A photo larger than <see cref="MaxBytes"/> is not carried: its value is a
/// fingerprint (<c>too-large:&lt;bytes&gt;:&lt;sha-256&gt;</c>) that still changes when the photo changes, so the
/// engine can tell the user once, by name, and never mistakes the missing bytes for a deleted photo.
/// </summary>
public static class Photos
{
    /// <summary>The largest photo Tandem copies (1 MiB). Every snapshot and baseline holds the photo it compares.</summary>
    public const int MaxBytes = 1024 * 1024;

    private const string DataPrefix = "data:";
    private const string Base64Marker = ";base64,";
    private const string TooLargePrefix = "too-large:";

    /// <summary>The canonical photo of inline bytes, or null when there are none.</summary>
    public static ScalarValue? FromBytes(ReadOnlySpan<byte> bytes, string? mediaType = null)
    {
        if (bytes.IsEmpty)
        {
            return null;
        }

        if (bytes.Length > MaxBytes)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
            return new ScalarValue(FieldType.Photo, string.Create(CultureInfo.InvariantCulture, $"{TooLargePrefix}{bytes.Length}:{hash}"));
        }

        var type = Sniff(bytes) ?? NormaliseMediaType(mediaType);
        return new ScalarValue(FieldType.Photo, DataPrefix + type + Base64Marker + Convert.ToBase64String(bytes));
    }

    /// <summary>The canonical photo of base64 text (white space ignored), or null when it is not base64.</summary>
    public static ScalarValue? FromBase64(string base64, string? mediaType = null)
    {
        var compact = string.Concat(base64.Where(c => !char.IsWhiteSpace(c)));
        try
        {
            return FromBytes(Convert.FromBase64String(compact), mediaType);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>True for a photo held by its bytes (a <c>data:</c> URI), false for a link or a photo too large to carry.</summary>
    public static bool TryDecode(string canonical, out string mediaType, out byte[] bytes)
    {
        mediaType = string.Empty;
        bytes = [];
        var marker = canonical.IndexOf(Base64Marker, StringComparison.Ordinal);
        if (!canonical.StartsWith(DataPrefix, StringComparison.Ordinal) || marker < 0)
        {
            return false;
        }

        mediaType = canonical[DataPrefix.Length..marker];
        bytes = Convert.FromBase64String(canonical[(marker + Base64Marker.Length)..]);
        return true;
    }

    /// <summary>The size in bytes of a photo too large to carry, or null for any other value.</summary>
    public static long? TooLargeSize(string? canonical)
    {
        if (canonical is null || !canonical.StartsWith(TooLargePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = canonical[TooLargePrefix.Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && long.TryParse(rest[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : null;
    }

    /// <summary>True for a link to a photo (http or https).</summary>
    public static bool IsLink(string canonical) =>
        canonical.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || canonical.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The image format's short name for vCard 3's <c>TYPE</c> parameter ("JPEG", "PNG").</summary>
    public static string ShortType(string mediaType) =>
        mediaType.StartsWith("image/", StringComparison.Ordinal) ? mediaType[6..].ToUpperInvariant() : mediaType.ToUpperInvariant();

    /// <summary>The media type for vCard 3's short <c>TYPE</c> ("JPEG" → image/jpeg).</summary>
    public static string? MediaTypeOf(string? shortOrFull) =>
        string.IsNullOrWhiteSpace(shortOrFull) ? null : NormaliseMediaType(shortOrFull);

    /// <summary>A size in words ("3.2 MB").</summary>
    public static string SizeInWords(long bytes) =>
        bytes >= 1024 * 1024
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024)} KB");

    internal static string? Canonical(string text)
    {
        if (TooLargeSize(text) is not null || IsLink(text))
        {
            return text;
        }

        var marker = text.IndexOf(Base64Marker, StringComparison.OrdinalIgnoreCase);
        if (text.StartsWith(DataPrefix, StringComparison.OrdinalIgnoreCase) && marker > 0)
        {
            return FromBase64(text[(marker + Base64Marker.Length)..], text[DataPrefix.Length..marker])?.Text;
        }

        return null;
    }

    private static string NormaliseMediaType(string? declared)
    {
        var type = (declared ?? string.Empty).Trim().ToLowerInvariant();
        if (type.Length == 0)
        {
            return "application/octet-stream";
        }

        if (!type.Contains('/', StringComparison.Ordinal))
        {
            type = "image/" + type;
        }

        return type == "image/jpg" ? "image/jpeg" : type;
    }

    // The format from the file's own signature, so a mislabelled photo still compares by what it is.
    private static string? Sniff(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, ..] => "image/png",
        [0x47, 0x49, 0x46, 0x38, ..] => "image/gif",
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => "image/webp",
        _ => null,
    };
}
