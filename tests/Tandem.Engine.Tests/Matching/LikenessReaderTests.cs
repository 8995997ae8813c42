using System.Collections.Immutable;
using Tandem.Connectors.InMemory;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Engine.Matching;

namespace Tandem.Engine.Tests.Matching;

/// <summary>What makes two contacts likely one person without a shared key: one name with one phone number or one company.</summary>
public sealed class LikenessReaderTests
{
    private static readonly LikenessReader Reader = LikenessReader.For(InMemorySchemaBuilder.DefaultSchema())!;

    [Fact]
    public void A_name_is_compared_without_case_extra_spaces_or_decomposed_accents_and_a_phone_by_its_digits()
    {
        var one = Reader.KeysOf(WithPhones(Person((StandardFieldKeys.FirstName, "José"), (StandardFieldKeys.LastName, "Lee")), "+32 470 12 34 56"));
        var other = Reader.KeysOf(WithPhones(Person((StandardFieldKeys.FirstName, " jose\u0301 "), (StandardFieldKeys.LastName, "LEE")), "+32 (470) 12-34-56"));

        Assert.Equal(["likely:josé lee|phone:32470123456"], one);
        Assert.Equal(one, other);
    }

    [Fact]
    public void A_company_gives_its_own_key_beside_each_phone()
    {
        var keys = Reader.KeysOf(WithPhones(Person((StandardFieldKeys.FirstName, "Ann"), (StandardFieldKeys.LastName, "Lee"), (StandardFieldKeys.Org, " Acme   Corp ")), "+32470000001", "+32470000002"));

        Assert.Equal(["likely:ann lee|phone:32470000001", "likely:ann lee|phone:32470000002", "likely:ann lee|company:acme corp"], keys);
    }

    [Fact]
    public void Without_a_name_or_with_a_name_alone_there_is_no_likeness()
    {
        Assert.Empty(Reader.KeysOf(WithPhones(Person((StandardFieldKeys.Org, "Acme")), "+32470000001")));
        Assert.Empty(Reader.KeysOf(Person((StandardFieldKeys.FirstName, "Ann"), (StandardFieldKeys.LastName, "Lee"))));
    }

    [Fact]
    public void An_app_with_a_single_name_field_is_read_by_it()
    {
        var reader = LikenessReader.For(InMemorySchemaBuilder.Crm().WithFullName().Build())!;

        Assert.Equal(["likely:ann lee|company:acme"], reader.KeysOf(Person((StandardFieldKeys.FullName, "Ann Lee"), (StandardFieldKeys.Org, "Acme"))));
    }

    private static ContactRecord Person(params (string Key, string Text)[] texts) =>
        new("p1", texts.ToImmutableDictionary(t => t.Key, t => (FieldValue)Values.Text(t.Text)));

    private static ContactRecord WithPhones(ContactRecord record, params string[] phones) =>
        record with { Fields = record.Fields.SetItem(StandardFieldKeys.Phones, new ListValue(FieldType.Phone, [.. phones.Select(p => new LabelledValue("mobile", Values.Phone(p)))])) };
}
