namespace Tandem.Formats.VCard.Mapping;

/// <summary>The keys of the fields a vCard offers (see <c>README.md</c> for the vCard property behind each).</summary>
public static class VCardFieldKeys
{
    /// <summary>N, given-name component.</summary>
    public const string FirstName = "name.first";

    /// <summary>N, family-name component.</summary>
    public const string LastName = "name.last";

    /// <summary>FN.</summary>
    public const string FullName = "name.full";

    /// <summary>EMAIL, every one, labelled by TYPE.</summary>
    public const string Emails = "emails";

    /// <summary>TEL, every one, labelled by TYPE.</summary>
    public const string Phones = "phones";

    /// <summary>ADR, every one, labelled by TYPE.</summary>
    public const string Addresses = "addresses";

    /// <summary>URL, every one, labelled by TYPE.</summary>
    public const string Urls = "urls";

    /// <summary>ORG, organisation-name component.</summary>
    public const string Org = "org";

    /// <summary>TITLE.</summary>
    public const string Title = "title";

    /// <summary>BDAY, with or without a year.</summary>
    public const string Birthday = "birthday";

    /// <summary>NOTE.</summary>
    public const string Note = "note";
}
