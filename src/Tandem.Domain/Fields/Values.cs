using System.Globalization;
using PhoneNumbers;

namespace Tandem.Domain.Fields;

/// <summary>
/// Builds canonical scalar values from raw text. Every connector goes through here, so the same
/// value read from two apps compares equal however each app formats it (PRODUCT.md §5).
/// Canonical forms: text trimmed; email trimmed and lower-cased; phone E.164 when it parses for the
/// default region, else digits and a leading '+' only; number invariant with no trailing zeros;
/// boolean <c>true</c>/<c>false</c>; date <see cref="PartialDate"/>; date-time ISO-8601 UTC;
/// date range <c>start/end</c>; money <c>amount CUR</c>; multiple choice options sorted and joined
/// by U+001F; address parts (street, city, region, postal code, country) joined by U+001F.
/// </summary>
public static class Values
{
    /// <summary>The separator inside compound canonical forms (multiple choice, address).</summary>
    public const char PartSeparator = '\u001F';

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>Creates a canonical value, or null when the text is empty or not valid for the type.</summary>
    public static ScalarValue? Create(FieldType type, string? raw, string? defaultRegion = null)
    {
        if (raw is null)
        {
            return null;
        }

        var text = raw.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        string? canonical = type switch
        {
            FieldType.Text or FieldType.Url or FieldType.SingleChoice or FieldType.OwnerReference => text,
            FieldType.Email => text.ToLowerInvariant(),
            FieldType.Phone => CanonicalPhone(text, defaultRegion),
            FieldType.Number => CanonicalNumber(text),
            FieldType.Boolean => CanonicalBoolean(text),
            FieldType.Date => PartialDate.TryParse(text, out var d) ? d.ToString() : null,
            FieldType.DateTime => CanonicalDateTime(text),
            FieldType.DateRange => CanonicalDateRange(text),
            FieldType.Money => CanonicalMoney(text),
            FieldType.MultipleChoice => CanonicalParts(text.Split(PartSeparator), sort: true),
            FieldType.Address => CanonicalParts(text.Split(PartSeparator), sort: false),
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

    public static ScalarValue Address(string? street, string? city, string? region, string? postalCode, string? country) =>
        Require(FieldType.Address, string.Join(PartSeparator, street, city, region, postalCode, country));

    /// <summary>The parts of a multiple-choice or address value.</summary>
    public static string[] Parts(ScalarValue value) => value.Text.Split(PartSeparator);

    private static string CanonicalPhone(string text, string? region)
    {
        try
        {
            var parsed = Phones.Parse(text, string.IsNullOrEmpty(region) ? "ZZ" : region);
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

    private static string? CanonicalNumber(string text) =>
        decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var n)
            ? (n / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)
            : null;

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

        var list = trimmed.ToArray();
        return list.All(p => p.Length == 0) ? null : string.Join(PartSeparator, list);
    }
}
