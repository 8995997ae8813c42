using System.Collections.Immutable;
using Tandem.Connectors.Contract;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Connectors.GoogleContacts.Tests;

/// <summary>Photos (through updateContactPhoto/deleteContactPhoto) and the personal fields, against the sandbox.</summary>
public sealed partial class GoogleContactsConformanceTests
{
    // A 1×1 PNG.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static CreateOperation Create(string reference, params (string Key, FieldValue Value)[] fields) =>
        new("op-" + reference, reference, fields.Append((StandardFieldKeys.Emails, (FieldValue)new ListValue(FieldType.Email, [new LabelledValue("work", Values.Email(reference + "@example.com"))])))
            .ToImmutableDictionary(f => f.Item1, f => f.Item2), ImmutableSortedSet<string>.Empty);

    [Fact]
    public async Task A_photo_Tandem_writes_is_re_encoded_by_Google_and_the_write_answers_with_Googles_copy()
    {
        await using var connector = Connect();

        var result = Assert.Single(await connector.WriteAsync([Create("photo1", (StandardFieldKeys.Photo, Photos.FromBytes(Png)!))], Ct));

        var held = sandbox.PhotoBytes(result.Record!.Id)!;
        Assert.NotEqual(Png, held);
        Assert.Equal(Photos.FromBytes(held), result.Record.Get(StandardFieldKeys.Photo));
        Assert.NotEqual(Photos.FromBytes(Png), result.Record.Get(StandardFieldKeys.Photo));
    }

    [Fact]
    public async Task A_photo_the_owner_sets_in_Google_is_read_by_its_bytes_and_a_default_picture_is_no_photo()
    {
        await using var connector = Connect();
        var id = sandbox.ResourceNames()[0];
        Assert.Null(Assert.Single(await connector.GetAsync([id], Ct)).Get(StandardFieldKeys.Photo));

        sandbox.SetPhoto(id, Png);
        var read = Assert.Single(await connector.GetAsync([id], Ct));

        Assert.Equal(Photos.FromBytes(sandbox.PhotoBytes(id)!), read.Get(StandardFieldKeys.Photo));
    }

    [Fact]
    public async Task Removing_the_photo_goes_back_to_Googles_default_picture()
    {
        await using var connector = Connect();
        var id = sandbox.ResourceNames()[0];
        sandbox.SetPhoto(id, Png);
        var before = Assert.Single(await connector.GetAsync([id], Ct));

        var result = Assert.Single(await connector.WriteAsync([new UpdateOperation("op-remove", id, before.Version) { Changes = [new FieldChange(StandardFieldKeys.Photo, null)] }], Ct));

        Assert.True(result.Succeeded, result.Reason);
        Assert.Null(sandbox.PhotoBytes(id));
        Assert.Null(result.Record!.Get(StandardFieldKeys.Photo));
    }

    [Fact]
    public async Task Nickname_anniversary_department_gender_pronouns_relations_chat_and_custom_fields_round_trip()
    {
        await using var connector = Connect();
        (string, FieldValue)[] fields =
        [
            (StandardFieldKeys.Nickname, Values.Text("Gigi")),
            (StandardFieldKeys.Anniversary, Values.Require(FieldType.Date, "2010-06-12")),
            (StandardFieldKeys.Org, Values.Text("Acme")),
            (StandardFieldKeys.Department, Values.Text("Research")),
            (StandardFieldKeys.Gender, Values.Text("female")),
            (StandardFieldKeys.Pronouns, Values.Text("she/her")),
            (StandardFieldKeys.RelatedPeople, new ListValue(FieldType.Text, [new LabelledValue("spouse", Values.Text("Marco Rossi"))])),
            (StandardFieldKeys.InstantMessaging, new ListValue(FieldType.Url, [new LabelledValue("work", Values.Require(FieldType.Url, "xmpp:gigi@example.com"))])),
            (StandardFieldKeys.CustomProperties, new ListValue(FieldType.Text, [new LabelledValue("X-TEAM", Values.Text("Blue"))])),
        ];

        var result = Assert.Single(await connector.WriteAsync([Create("personal", fields)], Ct));
        var read = Assert.Single(await connector.GetAsync([result.Record!.Id], Ct));

        foreach (var (key, value) in fields)
        {
            Assert.Equal(value, read.Get(key));
        }

        var person = sandbox.Person(result.Record.Id)!;
        Assert.Equal("googleTalk", person["imClients"]![0]!["protocol"]!.GetValue<string>());
        Assert.Equal("gigi@example.com", person["imClients"]![0]!["username"]!.GetValue<string>());
        Assert.Equal("anniversary", person["events"]![0]!["type"]!.GetValue<string>());
    }
}
