using System.Collections.Immutable;
using Tandem.Domain.Fields;
using Tandem.Formats.VCard.Cards;

namespace Tandem.Formats.VCard.Mapping;

/// <summary>
/// PHOTO in both versions: 3.0 inline (<c>PHOTO;ENCODING=b;TYPE=JPEG:…</c>, 2.1's ENCODING=BASE64 too) or a link
/// (<c>VALUE=uri</c>); 4.0 a <c>data:</c> URI or a link (RFC 6350 §6.2.4). Read as a canonical photo, so the same
/// bytes in either form are the same value.
/// </summary>
internal static class PhotoProperty
{
    public static ScalarValue? Read(VCardCard card)
    {
        if (card.Find("PHOTO") is not { } photo)
        {
            return null;
        }

        var raw = photo.RawValue.Trim();
        var encoding = photo.ParameterValues("ENCODING").FirstOrDefault();
        if (encoding is not null && (encoding.Equals("b", StringComparison.OrdinalIgnoreCase) || encoding.Equals("base64", StringComparison.OrdinalIgnoreCase)))
        {
            return Photos.FromBase64(raw, Photos.MediaTypeOf(photo.ParameterValues("TYPE").FirstOrDefault()));
        }

        return Values.Create(FieldType.Photo, VCardText.Unescape(raw));
    }

    /// <summary>Sets PHOTO in the card's version's form, or removes it; a photo too large to carry is never written.</summary>
    public static void Write(VCardCard card, ScalarValue? photo)
    {
        if (photo is null)
        {
            card.RemoveAll("PHOTO");
            return;
        }

        var group = card.Find("PHOTO")?.Group;
        VCardProperty property;
        if (Photos.TryDecode(photo.Text, out var mediaType, out var bytes))
        {
            property = card.IsVersion4
                ? new VCardProperty(group, "PHOTO", [], photo.Text)
                : new VCardProperty(group, "PHOTO", [new VCardParameter("ENCODING", ["b"]), new VCardParameter("TYPE", [Photos.ShortType(mediaType)])], Convert.ToBase64String(bytes));
        }
        else if (Photos.IsLink(photo.Text))
        {
            ImmutableArray<VCardParameter> parameters = card.IsVersion4 ? [] : [new VCardParameter("VALUE", ["uri"])];
            property = new VCardProperty(group, "PHOTO", parameters, VCardText.EscapeUri(photo.Text));
        }
        else
        {
            return;
        }

        card.RemoveAll("PHOTO");
        card.Properties.Add(property);
    }
}
