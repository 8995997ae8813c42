namespace Tandem.Engine.Matching;

/// <summary>
/// A stored matching key is its kind and its normalised value, "email:ann@example.com": one table holds
/// every kind, and two records share an identity of a kind when they hold the same key.
/// </summary>
public static class MatchKey
{
    public const string EmailKind = "email";

    public static string Of(string kind, string value) => kind + ":" + value;

    /// <summary>A kind in plain words, singular and plural.</summary>
    public static (string One, string Many) Describe(string kind) => kind switch
    {
        EmailKind => ("email address", "email addresses"),
        _ => (kind + " value", kind + " values"),
    };

    public static string KindOf(string key) => key[..key.IndexOf(':', StringComparison.Ordinal)];
}
