using System.Globalization;
using PhoneNumbers;

namespace Tandem.Domain.Fields;

/// <summary>
/// Builds canonical scalar values from raw text. Every connector goes through here, so the same
/// value read from two apps compares equal however each app formats it (PRODUCT.md §5).
/// Canonical forms: text trimmed with <c>\n</c> line endings; email trimmed and lower-cased; phone E.164
/// when it parses for the default region, else digits and a leading '+' only; number invariant with no
/// trailing zeros (a comma only as a thousands separator: "1,5" is refused, not read as 15);
/// boolean <c>true</c>/<c>false</c>; date <see cref="PartialDate"/>; date-time ISO-8601 UTC;
/// date range <c>start/end</c>; money <c>amount CUR</c> (also read from "CUR amount"); multiple choice
/// options and tags sorted and joined by U+001F; address exactly five parts (street, city, region, postal code,
/// country) joined by U+001F.
/// </summary>
public static class Values
{
    /// <summary>The separator inside compound canonical forms (multiple choice, address).</summary>
    public const char PartSeparator = '\u001F';

    private const int AddressParts = 5;

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>Creates a canonical value, or null when the text is empty or not valid for the type.</summary>
    public static ScalarValue? Create(FieldType type, string? raw, string? defaultRegion = null)
    {
        if (raw is null)
        {
            return null;
        }

        // Compound values keep their empty leading and trailing parts: .NET counts the part separator
        // (U+001F) as white space, so trimming the whole text would shift "" + city into the street.
        var text = type is FieldType.Address or FieldType.MultipleChoice or FieldType.Tags ? raw : raw.Trim();
        if (text.Trim().Length == 0)
        {
            return null;
        }

        string? canonical = type switch
        {
            // Apps disagree on line endings in notes; one form keeps them from looking like an edit.
            FieldType.Text => text.Contains('\r', StringComparison.Ordinal) ? text.ReplaceLineEndings("\n") : text,
            FieldType.Url or FieldType.SingleChoice or FieldType.OwnerReference => text,
            FieldType.Email => text.ToLowerInvariant(),
            FieldType.Phone => CanonicalPhone(text, defaultRegion),
            FieldType.Number => CanonicalNumber(text),
            FieldType.Boolean => CanonicalBoolean(text),
            FieldType.Date => PartialDate.TryParse(text, out var d) ? d.ToString() : null,
            FieldType.DateTime => CanonicalDateTime(text),
            FieldType.DateRange => CanonicalDateRange(text),
            FieldType.Money => CanonicalMoney(text),
            FieldType.MultipleChoice or FieldType.Tags => CanonicalParts(text.Split(PartSeparator), sort: true),
            FieldType.Address => CanonicalParts(text.Split(PartSeparator), sort: false),
            FieldType.Photo => Photos.Canonical(text),
            _ => null,
        };
        return canonical is null ? null : new ScalarValue(type, canonical);
    }

    /// <summary>Like <see cref="Create"/> but throws a clear error for an invalid value.</summary>
    public static ScalarValue Require(FieldType type, string raw, string? defaultRegion = null) =>
        Create(type, raw, defaultRegion) ?? throw new FormatException($"'{raw}' is not a valid {type} value.");

    public static ScalarValue Text(string text) => Require(FieldType.Text, text);

    public static ScalarValue Email(string email) => Require(FieldType.Email, email);

    public static ScalarValue Phone(string phone, string? defaultRegion = null) => Require(FieldType.Phone, phone, defaultRegion);

    public static ScalarValue Number(decimal number) => Require(FieldType.Number, number.ToString(CultureInfo.InvariantCulture));

    public static ScalarValue Boolean(bool value) => new(FieldType.Boolean, value ? "true" : "false");

    public static ScalarValue Date(PartialDate date) => new(FieldType.Date, date.ToString());

    public static ScalarValue DateRange(PartialDate start, PartialDate end) => new(FieldType.DateRange, start + "/" + end);

    public static ScalarValue Money(decimal amount, string currency) =>
        Require(FieldType.Money, amount.ToString(CultureInfo.InvariantCulture) + " " + currency);

    public static ScalarValue MultipleChoice(IEnumerable<string> options) =>
        Require(FieldType.MultipleChoice, string.Join(PartSeparator, options));

    /// <summary>A set of tag names (see <see cref="TagsField"/>), or null when it holds none.</summary>
    public static ScalarValue? Tags(IEnumerable<string> tags) => Create(FieldType.Tags, string.Join(PartSeparator, tags));

    public static ScalarValue Address(string? street, string? city, string? region, string? postalCode, string? country) =>
        Require(FieldType.Address, string.Join(PartSeparator, street, city, region, postalCode, country));

    /// <summary>The parts of a multiple-choice or address value.</summary>
    public static string[] Parts(ScalarValue value) => value.Text.Split(PartSeparator);

    private static string CanonicalPhone(string text, string? region)
    {
        try
        {
            // libphonenumber only knows upper-case region codes ("GB", not "gb").
            var parsed = Phones.Parse(text, string.IsNullOrEmpty(region) ? "ZZ" : region.ToUpperInvariant());
            if (Phones.IsPossibleNumber(parsed))
            {
                return Phones.Format(parsed, PhoneNumberFormat.E164);
            }
        }
        catch (NumberParseException)
        {
            // Not a phone number libphonenumber understands: fall back to its digits.
        }

        var digits = new string(text.Where(c => char.IsAsciiDigit(c)).ToArray());
        return text.StartsWith('+') ? "+" + digits : digits.Length > 0 ? digits : text;
    }

    private static string? CanonicalNumber(string text)
    {
        // "1,5" is a decimal comma in half the world; read as thousands it would silently become 15.
        // Commas are accepted only as real thousands separators ("1,500,000").
        if (text.Contains(',', StringComparison.Ordinal) && !HasThousandsGroups(text))
        {
            return null;
        }

        const NumberStyles Styles = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign
            | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands | NumberStyles.AllowExponent;
        if (!decimal.TryParse(text, Styles, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        // Dividing by 1.000… drops trailing zeros (1.50 → 1.5); adding zero turns -0 into 0.
        return ((n / 1.000000000000000000000000000000000m) + 0m).ToString(CultureInfo.InvariantCulture);
    }

    private static bool HasThousandsGroups(string text)
    {
        var end = text.IndexOfAny(['.', 'e', 'E']);
        var integral = (end < 0 ? text : text[..end]).TrimStart('+', '-');
        var groups = integral.Split(',');
        if (groups[0].Length is < 1 or > 3)
        {
            return false;
        }

        for (var i = 1; i < groups.Length; i++)
        {
            if (groups[i].Length != 3)
            {
                return false;
            }
        }

        return true;
    }

    private static string? CanonicalBoolean(string text) => text.ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "y" or "on" => "true",
        "false" or "0" or "no" or "n" or "off" => "false",
        _ => null,
    };

    private static string? CanonicalDateTime(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : null;

    private static string? CanonicalDateRange(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !PartialDate.TryParse(text[..slash], out var start) || !PartialDate.TryParse(text[(slash + 1)..], out var end))
        {
            return null;
        }

        return start + "/" + end;
    }

    private static string? CanonicalMoney(string text)
    {
        // Some apps put the currency first ("EUR 12.50").
        var first = text.IndexOf(' ', StringComparison.Ordinal);
        if (first == 3 && text[..3].All(char.IsAsciiLetter))
        {
            text = text[4..].Trim() + " " + text[..3];
        }

        var space = text.LastIndexOf(' ');
        var amountText = space < 0 ? text : text[..space];
        var currency = space < 0 ? string.Empty : text[(space + 1)..].Trim().ToUpperInvariant();
        var amount = CanonicalNumber(amountText.Trim());
        if (amount is null || (currency.Length != 0 && (currency.Length != 3 || !currency.All(char.IsAsciiLetter))))
        {
            return null;
        }

        return currency.Length == 0 ? amount : amount + " " + currency;
    }

    private static string? CanonicalParts(string[] parts, bool sort)
    {
        var trimmed = parts.Select(p => p.Trim());
        if (sort)
        {
            var options = trimmed.Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            return options.Length == 0 ? null : string.Join(PartSeparator, options);
        }

        // Always exactly the five address parts, so "Main St" and "Main St" padded with empty parts compare equal.
        var list = trimmed.ToList();
        if (list.Count > AddressParts)
        {
            return null;
        }

        while (list.Count < AddressParts)
        {
            list.Add(string.Empty);
        }

        return list.All(p => p.Length == 0) ? null : string.Join(PartSeparator, list);
    }
}
