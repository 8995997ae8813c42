using Tandem.Domain.Configuration;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Engine.Matching;

/// <summary>
/// Reads the matching keys of one side's records, as the connection's settings choose them (email, phone,
/// a custom unique field), and names the kinds in their order of precedence.
/// </summary>
public sealed class MatchKeyReader
{
    private readonly IReadOnlyList<(string Kind, string Field)> sources;
    private readonly LikenessReader? likeness;

    private MatchKeyReader(string emailField, IReadOnlyList<(string Kind, string Field)> sources, LikenessReader? likeness)
    {
        EmailField = emailField;
        this.sources = sources;
        this.likeness = likeness;
    }

    /// <summary>The field holding the side's emails (the primary one is what a lost create is looked up by).</summary>
    public string EmailField { get; }

    /// <summary>The kinds of key, in order of precedence (likeness keys are no kind to link on).</summary>
    public IReadOnlyList<string> Kinds => [.. sources.Select(s => s.Kind)];

    /// <summary>What the keys are read from; stored keys read under another signature are read again.</summary>
    public string Signature => string.Join("|", sources.Select(s => s.Kind + "=" + s.Field).Concat(likeness is null ? [] : [likeness.Signature]));

    /// <summary>Keys from the email field only (what matching does by default).</summary>
    public static MatchKeyReader EmailOnly(string emailField) => new(emailField, [(MatchKey.EmailKind, emailField)], likeness: null);

    /// <summary>The keys the settings choose, on <paramref name="side"/>; throws when a chosen custom field is missing.</summary>
    public static MatchKeyReader For(ConnectionSettings settings, Side side, AppSchema schema, string emailField, string sideName)
    {
        var sources = new List<(string, string)>();
        foreach (var choice in settings.MatchOn.Distinct())
        {
            switch (choice.Kind)
            {
                case MatchKeyKind.Email:
                    sources.Add((MatchKey.EmailKind, emailField));
                    break;
                case MatchKeyKind.Phone when schema.FindRole(FieldRole.Phones) is { } phones:
                    sources.Add((MatchKey.PhoneKind, phones.Key));
                    break;
                case MatchKeyKind.CustomField:
                    var key = choice.FieldOf(side);
                    if (key is null || schema.Find(key) is null)
                    {
                        throw new SyncConfigurationException($"Matching on a custom field needs a field in {sideName}; \"{key}\" is not one of its fields.");
                    }

                    sources.Add((MatchKey.FieldKind, key));
                    break;
            }
        }

        return new MatchKeyReader(emailField, sources, LikenessReader.For(schema));
    }

    /// <summary>Every key the record holds, each once, in order of precedence; then its likeness keys.</summary>
    public IReadOnlyList<string> KeysOf(ContactRecord record)
    {
        var keys = new List<string>();
        foreach (var (kind, field) in sources)
        {
            var values = kind switch
            {
                MatchKey.EmailKind => EmailKey.All(record, field),
                MatchKey.PhoneKind => Texts(record, field).Where(p => p.StartsWith('+') && p.Length > 6),
                _ => Texts(record, field).Select(t => t.Trim().ToLowerInvariant()),
            };
            foreach (var value in values.Where(v => v.Length > 0))
            {
                var key = MatchKey.Of(kind, value);
                if (!keys.Contains(key, StringComparer.Ordinal))
                {
                    keys.Add(key);
                }
            }
        }

        foreach (var key in likeness?.KeysOf(record) ?? [])
        {
            if (!keys.Contains(key, StringComparer.Ordinal))
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    private static IEnumerable<string> Texts(ContactRecord record, string field) => record.Get(field) switch
    {
        ListValue list => list.Items.Select(i => i.Value.Text),
        ScalarValue scalar => [scalar.Text],
        _ => [],
    };
}
