using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Engine.Matching;

/// <summary>
/// Reads what makes two records likely the same person without a shared key: the same name and the same
/// phone number, or the same name and the same company. These keys (<see cref="MatchKey.LikenessKind"/>) never
/// link anything; they only propose a pair to the user (<see cref="PossibleMatchFinder"/>).
/// </summary>
public sealed class LikenessReader
{
    // Fewer digits than this is an extension or a typo, not a number two people could be told apart by.
    private const int MinimumPhoneDigits = 6;

    private readonly string? firstName;
    private readonly string? lastName;
    private readonly string? fullName;
    private readonly string? phones;
    private readonly string? company;

    private LikenessReader(AppSchema schema)
    {
        firstName = schema.FindRole(FieldRole.FirstName)?.Key;
        lastName = schema.FindRole(FieldRole.LastName)?.Key;
        fullName = schema.FindRole(FieldRole.FullName)?.Key;
        phones = schema.FindRole(FieldRole.Phones)?.Key;
        company = schema.FindRole(FieldRole.Company)?.Key;
    }

    /// <summary>What the keys are read from, for <see cref="MatchKeyReader.Signature"/>.</summary>
    public string Signature => $"{MatchKey.LikenessKind}={firstName}+{lastName}/{fullName},{phones},{company}";

    /// <summary>A reader for an app's schema, or null when the app has no name or neither phones nor a company.</summary>
    public static LikenessReader? For(AppSchema schema)
    {
        var reader = new LikenessReader(schema);
        var named = reader.firstName is not null || reader.lastName is not null || reader.fullName is not null;
        return named && (reader.phones is not null || reader.company is not null) ? reader : null;
    }

    /// <summary>The record's likeness keys: its name with each phone number (digits only), and with its company.</summary>
    public IEnumerable<string> KeysOf(ContactRecord record)
    {
        if (NameOf(record) is not { } name)
        {
            yield break;
        }

        foreach (var phone in Texts(record, phones).Select(Digits).Where(d => d.Length >= MinimumPhoneDigits))
        {
            yield return MatchKey.Of(MatchKey.LikenessKind, name + "|phone:" + phone);
        }

        if (TextKey.Normalize(Texts(record, company).FirstOrDefault()) is { } organisation)
        {
            yield return MatchKey.Of(MatchKey.LikenessKind, name + "|company:" + organisation);
        }
    }

    private string? NameOf(ContactRecord record)
    {
        var parts = string.Join(' ', new[] { firstName, lastName }.SelectMany(f => Texts(record, f)));
        return TextKey.Normalize(parts) ?? TextKey.Normalize(Texts(record, fullName).FirstOrDefault());
    }

    private static string Digits(string phone) => string.Concat(phone.Where(char.IsAsciiDigit));

    private static IEnumerable<string> Texts(ContactRecord record, string? field) => field is null ? [] : record.Get(field) switch
    {
        ListValue list => list.Items.Select(i => i.Value.Text),
        ScalarValue scalar => [scalar.Text],
        _ => [],
    };
}
