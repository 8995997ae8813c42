using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Engine.Tests.Scenarios.Pairs;

/// <summary>The default mapping of each pair, from the schemas the real connectors read from their sandboxes.</summary>
public sealed class DefaultPairMappingsTests
{
    private static readonly (string, string)[] Shared =
    [
        (FieldMapping.NameKey, FieldMapping.NameKey),
        (StandardFieldKeys.Emails, StandardFieldKeys.Emails),
        (StandardFieldKeys.Phones, StandardFieldKeys.Phones),
        (StandardFieldKeys.Org, StandardFieldKeys.Org),
        (StandardFieldKeys.Title, StandardFieldKeys.Title),
        (StandardFieldKeys.Birthday, StandardFieldKeys.Birthday),
        (StandardFieldKeys.Note, StandardFieldKeys.Note),
    ];

    /// <summary>The sandbox company's custom "Nickname" text field, which stands for the nickname.</summary>
    private static readonly string PipedriveNickname = "custom." + Tandem.Sandbox.Pipedrive.PipedriveSandbox.CustomFieldKey("Nickname");

    /// <summary>Addresses and websites: Google and vCard have them, Pipedrive persons do not.</summary>
    private static readonly (string, string)[] WithAddressesAndUrls =
    [
        Shared[0], Shared[1], Shared[2],
        (StandardFieldKeys.Addresses, StandardFieldKeys.Addresses),
        (StandardFieldKeys.Urls, StandardFieldKeys.Urls),
        Shared[3], Shared[4], Shared[5], Shared[6],
    ];

    /// <summary>What Google and a card both hold beyond those: nickname, photo, anniversary, department, gender, pronouns, relations, chat, custom properties.</summary>
    private static readonly (string, string)[] Personal =
    [
        .. WithAddressesAndUrls,
        .. new[]
        {
            StandardFieldKeys.Nickname, StandardFieldKeys.Photo, StandardFieldKeys.Anniversary, StandardFieldKeys.Department, StandardFieldKeys.Gender,
            StandardFieldKeys.Pronouns, StandardFieldKeys.RelatedPeople, StandardFieldKeys.InstantMessaging, StandardFieldKeys.CustomProperties,
        }.Select(k => (k, k)),
    ];

    public static TheoryData<string, string> Pairs => new()
    {
        { "google", "pipedrive" },
        { "google", "vcard" },
        { "pipedrive", "vcard" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task The_default_mapping_pairs_name_email_phone_company_title_birthday_note_and_tags_both_ways(string appA, string appB)
    {
        await using var a = Side(appA);
        await using var b = Side(appB);
        await a.StartAsync();
        await b.StartAsync();
        await using var connectorA = a.Connect();
        await using var connectorB = b.Connect();
        var schemaA = await connectorA.GetSchemaAsync(TestContext.Current.CancellationToken);
        var schemaB = await connectorB.GetSchemaAsync(TestContext.Current.CancellationToken);

        var rows = DefaultMappings.For(schemaA, schemaB);
        var compiled = MappingCompiler.Compile(rows, schemaA, schemaB);

        // Then the tags: every one of these apps has them; on by default only between the two address books.
        // With Pipedrive: its chat accounts (im), and its custom "Nickname" field standing for the nickname.
        var withPipedrive = appA == "pipedrive" || appB == "pipedrive";
        (string, string) nickname = appA == "pipedrive" ? (PipedriveNickname, StandardFieldKeys.Nickname) : (StandardFieldKeys.Nickname, PipedriveNickname);
        (string, string)[] pipedrive = [.. Shared, nickname, (StandardFieldKeys.InstantMessaging, StandardFieldKeys.InstantMessaging)];
        Assert.Equal([.. withPipedrive ? pipedrive : Personal, (TagsField.Key, TagsField.Key)], rows.Select(r => (r.AField, r.BField)));
        Assert.Equal(!withPipedrive, rows[^1].Enabled);
        Assert.True(compiled.IsUsable, string.Join("; ", compiled.Problems));
        Assert.Empty(compiled.Refused);
        Assert.Empty(compiled.Narrowed);
        Assert.All(compiled.Mapping.Rows, r => Assert.Equal(MappingDirection.Both, r.Direction));
        Assert.Equal((StandardFieldKeys.Emails, StandardFieldKeys.Emails), (compiled.Mapping.EmailFieldA, compiled.Mapping.EmailFieldB));
        Assert.DoesNotContain(rows, r => (r.AField.StartsWith("custom.", StringComparison.Ordinal) && r.AField != PipedriveNickname) || (r.BField.StartsWith("custom.", StringComparison.Ordinal) && r.BField != PipedriveNickname) || r.AField == "owner" || r.BField == "owner");
    }

    private static AppSide Side(string app) => app switch
    {
        "google" => new GoogleSide(),
        "pipedrive" => new PipedriveSide(),
        _ => new VCardSide(),
    };
}
