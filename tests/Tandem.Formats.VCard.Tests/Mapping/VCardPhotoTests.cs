using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using Tandem.Formats.VCard.Cards;
using Tandem.Formats.VCard.Mapping;

namespace Tandem.Formats.VCard.Tests.Mapping;

public sealed class VCardPhotoTests
{
    // A 1×1 PNG.
    private const string Png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    private static VCardCard Parse(string body, string version) =>
        VCardReader.Parse($"BEGIN:VCARD\r\nVERSION:{version}\r\nFN:Gigi\r\n{body}END:VCARD\r\n", "a.vcf");

    private static FieldValue? Photo(VCardCard card) => VCardContactReader.Read(card, "a", "1", null).Get("photo");

    [Fact]
    public void The_same_bytes_inline_in_a_3_0_and_a_4_0_card_are_the_same_photo()
    {
        // 3.0 labels the type "JPG"-style and folds the base64; 4.0 uses a data URI: the value is read from the bytes.
        var three = Parse($"PHOTO;ENCODING=b;TYPE=PNG:{Png[..40]}\r\n {Png[40..]}\r\n", "3.0");
        var four = Parse($"PHOTO:data:image/png;base64,{Png}\r\n", "4.0");

        Assert.Equal("data:image/png;base64," + Png, Photo(three)?.Canonical);
        Assert.Equal(Photo(three), Photo(four));
    }

    [Fact]
    public void A_photo_labelled_with_the_wrong_type_is_read_as_what_its_bytes_are()
    {
        var card = Parse($"PHOTO;ENCODING=BASE64;TYPE=JPEG:{Png}\r\n", "2.1");

        Assert.StartsWith("data:image/png;base64,", Photo(card)?.Canonical, StringComparison.Ordinal);
    }

    [Fact]
    public void A_photo_written_into_a_3_0_card_is_inline_base64_with_its_type()
    {
        var card = Parse(string.Empty, "3.0");

        VCardContactWriter.Apply(card, [new FieldChange("photo", Photos.FromBase64(Png))], null);

        Assert.Contains("PHOTO;ENCODING=b;TYPE=PNG:iVBOR", VCardWriter.Write(card), StringComparison.Ordinal);
        Assert.Equal(Photos.FromBase64(Png), Photo(VCardReader.Parse(VCardWriter.Write(card), "a.vcf")));
    }

    [Fact]
    public void A_photo_written_into_a_4_0_card_is_a_data_URI_and_reads_back_the_same()
    {
        var card = Parse(string.Empty, "4.0");

        VCardContactWriter.Apply(card, [new FieldChange("photo", Photos.FromBase64(Png))], null);
        var text = VCardWriter.Write(card);

        Assert.Contains("PHOTO:data:image/png;base64,iVBOR", text, StringComparison.Ordinal);
        Assert.Equal(Photos.FromBase64(Png), Photo(VCardReader.Parse(text, "a.vcf")));
    }

    [Fact]
    public void A_linked_photo_is_read_as_its_link_and_written_with_VALUE_uri_in_3_0()
    {
        var four = Parse("PHOTO:https://example.com/gigi.jpg\r\n", "4.0");
        var three = Parse(string.Empty, "3.0");

        VCardContactWriter.Apply(three, [new FieldChange("photo", Photo(four))], null);

        Assert.Equal("https://example.com/gigi.jpg", Photo(four)?.Canonical);
        Assert.Contains("PHOTO;VALUE=uri:https://example.com/gigi.jpg", VCardWriter.Write(three), StringComparison.Ordinal);
    }

    [Fact]
    public void A_photo_over_the_limit_is_a_fingerprint_that_is_never_written()
    {
        var big = new byte[Photos.MaxBytes + 1];
        big[0] = 0xFF;
        var card = Parse($"PHOTO;ENCODING=b;TYPE=JPEG:{Convert.ToBase64String(big)}\r\n", "3.0");
        var other = Parse(string.Empty, "3.0");

        var value = Photo(card);
        VCardContactWriter.Apply(other, [new FieldChange("photo", value)], null);

        Assert.Equal(Photos.MaxBytes + 1, Photos.TooLargeSize(value?.Canonical));
        Assert.DoesNotContain("PHOTO", VCardWriter.Write(other), StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_the_photo_removes_PHOTO()
    {
        var card = Parse($"PHOTO:data:image/png;base64,{Png}\r\n", "4.0");

        VCardContactWriter.Apply(card, [new FieldChange("photo", null)], null);

        Assert.DoesNotContain("PHOTO", VCardWriter.Write(card), StringComparison.Ordinal);
    }
}
