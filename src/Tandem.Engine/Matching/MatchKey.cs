namespace Tandem.Engine.Matching;

/// <summary>
/// A stored matching key is its kind and its normalised value, "email:ann@example.com": one table holds
/// every kind, and two records share an identity of a kind when they hold the same key.
/// </summary>
public static class MatchKey
{
    public const string EmailKind = "email";

    /// <summary>A phone number in E.164.</summary>
    public const string PhoneKind = "phone";

    /// <summary>A custom unique field's value, trimmed and lower-cased.</summary>
    public const string FieldKind = "field";

    /// <summary>
    /// A name with a phone number or a company (<see cref="LikenessReader"/>): never linked on, only proposed to
    /// the user as a possible match.
    /// </summary>
    public const string LikenessKind = "likely";

    public static string Of(string kind, string value) => kind + ":" + value;

    /// <summary>A kind in plain words, singular and plural.</summary>
    public static (string One, string Many) Describe(string kind) => kind switch
    {
        EmailKind => ("email address", "email addresses"),
        PhoneKind => ("phone number", "phone numbers"),
        LikenessKind => ("name with a phone number or company", "names with a phone number or company"),
        _ => ("matching field value", "matching field values"),
    };

    public static string KindOf(string key) => key[..key.IndexOf(':', StringComparison.Ordinal)];
}
