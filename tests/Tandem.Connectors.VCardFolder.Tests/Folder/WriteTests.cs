using System.Collections.Immutable;
using Tandem.Connectors.Contract;
using Tandem.Connectors.VCardFolder.Tests.Support;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Connectors.VCardFolder.Tests.Folder;

public sealed class WriteTests : IDisposable
{
    private const string AppleCard =
        "BEGIN:VCARD\r\n" +
        "VERSION:3.0\r\n" +
        "PRODID:-//Apple Inc.//iOS 17.0//EN\r\n" +
        "N:Smith;John;;;\r\n" +
        "FN:John Smith\r\n" +
        "item1.EMAIL;type=INTERNET;type=pref:john@example.com\r\n" +
        "item1.X-ABLabel:_$!<Other>!$_\r\n" +
        "X-SOCIALPROFILE;type=twitter:x-apple:johnsmith\r\n" +
        "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsL\r\n" +
        " DBkSEw8UHR8eHR\r\n" +
        "X-UNKNOWN;X-PARAM=\"a;b\":value\\, escaped\r\n" +
        "END:VCARD\r\n";

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_update_keeps_every_unknown_property_line_exactly_and_in_order()
    {
        folder.Write("john.vcf", AppleCard);
        await using var connector = TestConnector.For(folder.Path);

        var result = await connector.WriteOneAsync(new UpdateOperation("op1", "john.vcf", null)
        {
            Changes = [new FieldChange("title", Values.Text("CEO")), new FieldChange("name.last", Values.Text("Smyth"))],
            AddTags = ["VIP"],
        });

        Assert.True(result.Succeeded, result.Reason);
        var expected = AppleCard
            .Replace("N:Smith;John;;;\r\nFN:John Smith", "N:Smyth;John;;;\r\nFN:John Smyth", StringComparison.Ordinal)
            .Replace("END:VCARD", "TITLE:CEO\r\nCATEGORIES:VIP\r\nREV:2026-03-14T15:09:26Z\r\nEND:VCARD", StringComparison.Ordinal)
            .Replace("REV:2026-03-14T15:09:26Z", "REV:20260314T150926Z", StringComparison.Ordinal);
        Assert.Equal(expected, folder.Read("john.vcf"));
    }

    [Fact]
    public async Task The_result_of_an_update_is_the_record_as_written_with_its_new_version()
    {
        folder.Write("john.vcf", AppleCard);
        await using var connector = TestConnector.For(folder.Path);
        var before = (await connector.GetAsync(["john.vcf"], Token))[0];

        var result = await connector.WriteOneAsync(new UpdateOperation("op1", "john.vcf", before.Version)
        {
            Changes = [new FieldChange("note", Values.Text("Called on Monday"))],
        });

        var reread = (await connector.GetAsync(["john.vcf"], Token))[0];
        Assert.Equal("op1", result.OperationId);
        Assert.NotNull(result.Record);
        Assert.Equal(reread.Version, result.Record.Version);
        Assert.Equal(reread.Fields.OrderBy(f => f.Key, StringComparer.Ordinal), result.Record.Fields.OrderBy(f => f.Key, StringComparer.Ordinal));
        Assert.Equal("Called on Monday", ((ScalarValue)reread.Get("note")!).Text);
    }

    [Fact]
    public async Task An_update_against_a_stale_version_fails_and_leaves_the_file_alone()
    {
        folder.Write("john.vcf", AppleCard);
        await using var connector = TestConnector.For(folder.Path);

        var result = await connector.WriteOneAsync(new UpdateOperation("op1", "john.vcf", "1-1")
        {
            Changes = [new FieldChange("title", Values.Text("CEO"))],
        });

        Assert.Equal(WriteFailureKind.StaleVersion, result.Failure);
        Assert.Equal("The card file 'john.vcf' changed since Tandem read it.", result.Reason);
        Assert.Equal(AppleCard, folder.Read("john.vcf"));
    }

    [Fact]
    public async Task An_update_that_changes_nothing_writes_nothing()
    {
        folder.Write("john.vcf", AppleCard);
        await using var connector = TestConnector.For(folder.Path);
        var before = (await connector.GetAsync(["john.vcf"], Token))[0];

        var result = await connector.WriteOneAsync(new UpdateOperation("op1", "john.vcf", before.Version)
        {
            Changes = [new FieldChange("name.first", Values.Text("John"))],
            RemoveTags = ["not there"],
        });

        Assert.True(result.Succeeded);
        Assert.Equal(before.Version, result.Record!.Version);
        Assert.Equal(AppleCard, folder.Read("john.vcf"));
    }

    [Fact]
    public async Task One_rejected_operation_does_not_stop_the_others_of_the_batch()
    {
        folder.Write("john.vcf", AppleCard);
        await using var connector = TestConnector.For(folder.Path);

        var results = await connector.WriteAsync(
            [
                new UpdateOperation("bad", "john.vcf", null) { Changes = [new FieldChange("shoe.size", Values.Number(44))] },
                new UpdateOperation("missing", "gone.vcf", null) { Changes = [new FieldChange("title", Values.Text("x"))] },
                new UpdateOperation("good", "john.vcf", null) { Changes = [new FieldChange("title", Values.Text("CEO"))] },
            ],
            Token);

        Assert.Equal(["bad", "missing", "good"], results.Select(r => r.OperationId));
        Assert.Equal([WriteFailureKind.Rejected, WriteFailureKind.NotFound, null], results.Select(r => r.Failure));
        Assert.Equal("A vCard has no field 'shoe.size'.", results[0].Reason);
        Assert.Contains("TITLE:CEO\r\n", folder.Read("john.vcf"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_create_writes_a_4_0_card_named_after_its_client_reference_and_FindCreated_finds_it()
    {
        await using var connector = TestConnector.For(folder.Path, "BE");
        var create = new CreateOperation(
            "op1",
            "tandem-7f3a",
            ImmutableDictionary<string, FieldValue>.Empty
                .Add("name.first", Values.Text("Ann"))
                .Add("name.last", Values.Text("Peeters"))
                .Add("phones", new ListValue(FieldType.Phone, [new LabelledValue("cell", Values.Phone("0470 12 34 56", "BE"))])),
            ImmutableSortedSet.Create(StringComparer.Ordinal, "Customers"));

        var result = await connector.WriteOneAsync(create);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(["tandem-7f3a.vcf"], folder.FileNames());
        Assert.Equal(
            "BEGIN:VCARD\r\nVERSION:4.0\r\nPRODID:-//Tandem//vCard folder connector//EN\r\nUID:tandem-7f3a\r\n" +
            "N:Peeters;Ann;;;\r\nFN:Ann Peeters\r\nTEL;VALUE=uri;TYPE=cell:tel:+32470123456\r\nCATEGORIES:Customers\r\n" +
            "REV:20260314T150926Z\r\nEND:VCARD\r\n",
            folder.Read("tandem-7f3a.vcf"));
        Assert.Equal("tandem-7f3a", result.Record!.ClientReference);
        Assert.Equal("tandem-7f3a.vcf", result.Record.Id);

        var found = await connector.FindCreatedAsync("tandem-7f3a", null, Token);
        Assert.NotNull(found);
        Assert.Equal(result.Record.Version, found.Version);
        Assert.Null(await connector.FindCreatedAsync("tandem-other", null, Token));
    }

    [Fact]
    public async Task A_client_reference_is_sanitised_into_a_safe_file_name_but_kept_whole_as_the_UID()
    {
        await using var connector = TestConnector.For(folder.Path);
        var create = new CreateOperation("op1", "../.evil/ref:1", ImmutableDictionary<string, FieldValue>.Empty.Add("name.full", Values.Text("X")), ImmutableSortedSet<string>.Empty);

        var result = await connector.WriteOneAsync(create);

        Assert.Equal(["_._.evil_ref_1.vcf"], folder.FileNames());
        Assert.Equal("../.evil/ref:1", result.Record!.ClientReference);
        Assert.Equal("_._.evil_ref_1.vcf", (await connector.FindCreatedAsync("../.evil/ref:1", null, Token))!.Id);
    }

    [Fact]
    public async Task A_repeated_create_converges_on_the_card_it_made_instead_of_adding_a_twin()
    {
        await using var connector = TestConnector.For(folder.Path);
        var fields = ImmutableDictionary<string, FieldValue>.Empty.Add("name.full", Values.Text("Ann"));

        await connector.WriteOneAsync(new CreateOperation("op1", "ref-1", fields, ImmutableSortedSet<string>.Empty));
        var again = await connector.WriteOneAsync(new CreateOperation("op2", "ref-1", fields, ImmutableSortedSet<string>.Empty));

        Assert.True(again.Succeeded);
        Assert.Equal(["ref-1.vcf"], folder.FileNames());
    }

    [Fact]
    public async Task A_create_whose_file_name_is_taken_by_another_card_uses_the_next_name()
    {
        folder.Write("ref-1.vcf", "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:someone-else\r\nFN:B\r\nEND:VCARD\r\n");
        await using var connector = TestConnector.For(folder.Path);

        var result = await connector.WriteOneAsync(new CreateOperation("op1", "ref-1", ImmutableDictionary<string, FieldValue>.Empty.Add("name.full", Values.Text("Ann")), ImmutableSortedSet<string>.Empty));

        Assert.Equal("ref-1-2.vcf", result.Record!.Id);
        Assert.Equal("ref-1-2.vcf", (await connector.FindCreatedAsync("ref-1", null, Token))!.Id);
    }

    [Fact]
    public async Task Writes_leave_no_temporary_files_behind()
    {
        folder.Write("john.vcf", AppleCard);
        await using var connector = TestConnector.For(folder.Path);

        await connector.WriteAsync(
            [
                new CreateOperation("c", "new-1", ImmutableDictionary<string, FieldValue>.Empty.Add("name.full", Values.Text("Ann")), ImmutableSortedSet<string>.Empty),
                new UpdateOperation("u", "john.vcf", null) { Changes = [new FieldChange("note", Values.Text("n"))] },
                new UpdateOperation("u2", "new-1.vcf", null) { AddTags = ["t"] },
            ],
            Token);

        Assert.Equal(["john.vcf", "new-1.vcf"], folder.FileNames());
    }

    [Fact]
    public async Task A_delete_removes_the_file_and_a_repeated_delete_still_succeeds()
    {
        folder.Write("john.vcf", AppleCard);
        await using var connector = TestConnector.For(folder.Path);

        var first = await connector.WriteOneAsync(new DeleteOperation("d1", "john.vcf"));
        var second = await connector.WriteOneAsync(new DeleteOperation("d2", "john.vcf"));

        Assert.True(first.Succeeded);
        Assert.True(second.Succeeded);
        Assert.Empty(folder.FileNames());
    }

    [Fact]
    public async Task An_update_of_a_malformed_card_is_rejected_with_the_parse_error()
    {
        folder.Write("bad.vcf", "BEGIN:VCARD\r\nFN:A\r\n");
        await using var connector = TestConnector.For(folder.Path);

        var result = await connector.WriteOneAsync(new UpdateOperation("u", "bad.vcf", null) { AddTags = ["x"] });

        Assert.Equal(WriteFailureKind.Rejected, result.Failure);
        Assert.Equal("The card file is not a valid vCard: bad.vcf, line 2: the card has no END:VCARD (the file may be truncated).", result.Reason);
    }
}
