using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Tandem.Connectors.Contract;
using Tandem.Formats.VCard.Mapping;
using Tandem.Connectors.VCardFolder.Tests.Support;
using Tandem.Formats.VCard.Cards;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Connectors.VCardFolder.Tests.Mapping;

/// <summary>SYNC-INVARIANTS 27 (PutGet): what Tandem writes into a card is what it reads back, in canonical form.</summary>
public sealed class PutGetPropertyTests
{
    // The tags field is the record's tags (CATEGORIES), written by TagWriter, not a property of its own.
    private static readonly string[] AllKeys = [.. VCardSchema.Instance.Fields.Where(f => f.Type != FieldType.Tags).Select(f => f.Key)];

    private static readonly string[] NonNameKeys = [.. AllKeys.Where(k => !k.StartsWith("name.", StringComparison.Ordinal))];

    // Lines no field owns (X- properties and PHOTO are fields since issue 21: custom properties and the photo).
    private const string ExistingCard =
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Smith;John;;;\r\nFN:John Smith\r\nSOURCE:first unknown\r\n" +
        "EMAIL;TYPE=work:john@example.com\r\nitem1.URL:https://a.example\r\nitem1.X-ABLabel:blog\r\n" +
        "LOGO;ENCODING=b;TYPE=JPEG:AAAA\r\nNOTE:old\r\nKEY;X-P=\"q;r\":last unknown\r\nEND:VCARD\r\n";

    [Fact]
    public void Random_contact_values_written_into_a_new_card_read_back_as_the_same_canonical_fields()
    {
        var gen = from fields in ContactGen.Fields(AllKeys) from tags in ContactGen.Tags select (fields, tags);

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var card = VCardCard.CreateVersion4();
            VCardContactWriter.Apply(card, VCardContactWriter.AsChanges(input.fields), "BE");
            TagWriter.Apply(card, input.tags, []);

            var record = RoundTrip(card);

            AssertSameFields(WithDerivedFullName(input.fields), record.Fields);
            Assert.Equal(input.tags, record.Tags);
        }));
    }

    [Fact]
    public void Random_changes_applied_to_an_existing_3_0_card_read_back_as_changed_and_keep_unknown_lines()
    {
        var gen =
            from set in ContactGen.Fields(NonNameKeys)
            from cleared in Gen.SubListOf(NonNameKeys)
            select (set, cleared: cleared.Where(k => !set.ContainsKey(k)).ToList());

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var card = VCardReader.Parse(ExistingCard, "a.vcf");
            var before = VCardContactReader.Read(card, "a.vcf", "v", "BE");
            var changes = VCardContactWriter.AsChanges(input.set).Concat(input.cleared.Select(k => new FieldChange(k, null))).ToList();
            VCardContactWriter.Apply(card, changes, "BE");

            var written = VCardWriter.Write(card);
            var record = RoundTrip(card);

            var expected = before.Fields.SetItems(input.set).RemoveRange(input.cleared);
            AssertSameFields(expected, record.Fields);
            Assert.Contains("\r\nSOURCE:first unknown\r\n", written, StringComparison.Ordinal);
            Assert.Contains("\r\nLOGO;ENCODING=b;TYPE=JPEG:AAAA\r\n", written, StringComparison.Ordinal);
            Assert.Contains("\r\nKEY;X-P=\"q;r\":last unknown\r\n", written, StringComparison.Ordinal);
            Assert.StartsWith("BEGIN:VCARD\r\nVERSION:3.0\r\n", written, StringComparison.Ordinal);
        }));
    }

    [Fact]
    public async Task Random_contacts_created_through_the_connector_read_back_with_the_same_fields()
    {
        using var folder = new TempFolder();
        await using var connector = TestConnector.For(folder.Path, "BE");
        var samples = ContactGen.Fields(AllKeys).Sample(50, 40);
        var operations = samples.Select((fields, i) => (WriteOperation)new CreateOperation($"op{i}", $"ref-{i}", fields, ImmutableSortedSet<string>.Empty)).ToList();

        var results = await connector.WriteAsync(operations, TestContext.Current.CancellationToken);
        var records = await connector.GetAsync([.. results.Select(r => r.Record!.Id)], TestContext.Current.CancellationToken);

        Assert.Equal(samples.Length, records.Count);
        for (var i = 0; i < samples.Length; i++)
        {
            AssertSameFields(WithDerivedFullName(samples[i]), records[i].Fields);
        }
    }

    private static ContactRecord RoundTrip(VCardCard card) =>
        VCardContactReader.Read(VCardReader.Parse(VCardWriter.Write(card), "a.vcf"), "a.vcf", "v", "BE");

    /// <summary>vCard requires FN: without a full name the card gets one from the name, the organisation or the email.</summary>
    private static ImmutableDictionary<string, FieldValue> WithDerivedFullName(ImmutableDictionary<string, FieldValue> fields)
    {
        if (fields.ContainsKey("name.full"))
        {
            return fields;
        }

        string TextOf(string key) => (fields.GetValueOrDefault(key) as ScalarValue)?.Text ?? string.Empty;
        var derived = string.Join(' ', new[] { TextOf("name.first"), TextOf("name.last") }.Where(p => p.Length > 0));
        if (derived.Length == 0)
        {
            derived = TextOf("org");
        }

        if (derived.Length == 0 && fields.GetValueOrDefault("emails") is ListValue emails)
        {
            derived = emails.Primary.Text;
        }

        return derived.Length == 0 ? fields : fields.Add("name.full", Values.Text(derived));
    }

    private static void AssertSameFields(ImmutableDictionary<string, FieldValue> expected, ImmutableDictionary<string, FieldValue> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, value) in expected)
        {
            Assert.Equal(value, actual[key]);
            if (value is ListValue list)
            {
                Assert.Equal(list.Primary, ((ListValue)actual[key]).Primary);
            }
        }
    }
}
