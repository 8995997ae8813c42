using System.Collections.Immutable;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.CardDav.Tests.Servers;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Connectors.CardDav.Tests.Conformance;

/// <summary>The behaviour every CardDAV server must show through the connector; run against each real server.</summary>
public abstract class CardDavConformanceTests<TServer>
    where TServer : DavTestServer
{
    private readonly TServer server;

    protected CardDavConformanceTests(TServer server)
    {
        this.server = server;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Discovery_from_the_server_root_finds_the_address_books()
    {
        SkipIfMissing();
        var book = await server.CreateBookAsync("Friends");
        await using var connector = CardDavTestKit.Connect(server, server.Settings(null));

        var books = await connector.ListAddressBooksAsync(Ct);

        var found = Assert.Single(books, b => b.Url.AbsolutePath == book);
        Assert.Equal("Friends", found.DisplayName);
        Assert.True(found.SupportsSyncCollection);
    }

    [Fact]
    public async Task Without_an_address_book_setting_the_error_lists_the_ones_offered()
    {
        SkipIfMissing();
        var book = await server.CreateBookAsync("Colleagues");
        await using var connector = CardDavTestKit.Connect(server, server.Settings(null));

        var error = await Assert.ThrowsAsync<ConnectorSettingsException>(() => connector.ConnectAsync(Ct));

        Assert.Contains("“Address book” (addressBook)", error.Message, StringComparison.Ordinal);
        Assert.Contains("(Colleagues)", error.Message, StringComparison.Ordinal);
        Assert.Contains(book.TrimEnd('/').Split('/')[^1], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_full_listing_returns_every_card_once_across_pages_and_the_cursor_on_the_last_page_only()
    {
        SkipIfMissing();
        var book = await server.CreateBookAsync();
        for (var i = 0; i < 95; i++)
        {
            await server.PutAsync(book, $"c{i}.vcf", CardDavTestKit.Card($"uid-{i}", $"Person{i} Test", $"p{i}@example.com"));
        }

        await using var connector = CardDavTestKit.Connect(server, server.Settings(Name(book)));
        var pages = await connector.ListPagesAsync();

        Assert.Equal(3, pages.Count);
        Assert.All(pages[..^1], p => Assert.Null(p.CursorAfter));
        Assert.False(string.IsNullOrEmpty(pages[^1].CursorAfter));
        var ids = pages.SelectMany(p => p.Records).Select(r => r.Id).ToList();
        Assert.Equal(95, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(95, ids.Count);
        Assert.All(pages.SelectMany(p => p.Records), r => Assert.StartsWith("\"", r.Version, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sync_resumes_from_its_cursor_with_no_gap_and_no_duplicate()
    {
        SkipIfMissing();
        var book = await server.CreateBookAsync();
        await server.PutAsync(book, "ann.vcf", CardDavTestKit.Card("ann", "Ann Lee", "ann@example.com"));
        await server.PutAsync(book, "bob.vcf", CardDavTestKit.Card("bob", "Bob Ray", "bob@example.com"));
        await using var connector = CardDavTestKit.Connect(server, server.Settings(Name(book)));
        var cursor = (await connector.ListPagesAsync())[^1].CursorAfter!;

        await server.PutAsync(book, "cat.vcf", CardDavTestKit.Card("cat", "Cat Kim", "cat@example.com"));
        await server.PutAsync(book, "bob.vcf", CardDavTestKit.Card("bob", "Bob Ray", "bob@example.com", "TITLE:CTO"));
        var first = await connector.ReadChangesAsync(cursor, Ct);
        var second = await connector.ReadChangesAsync(first.NextCursor, Ct);

        // sync-collection names changed cards with their etags; the contents are read only for versions not held yet.
        Assert.Empty(first.Changed);
        Assert.Equal(["bob.vcf", "cat.vcf"], first.ChangedVersions.Select(v => v.Id).Order(StringComparer.Ordinal));
        var read = await connector.GetAsync(first.ChangedVersions.Select(v => v.Id).ToArray(), Ct);
        Assert.Equal(first.ChangedVersions.OrderBy(v => v.Id, StringComparer.Ordinal), read.Select(r => new RecordVersion(r.Id, r.Version!)).OrderBy(v => v.Id, StringComparer.Ordinal));
        var bob = read.Single(r => r.Id == "bob.vcf");
        Assert.True(bob.Get("title") is ScalarValue { Text: "CTO" }, string.Join(", ", bob.Fields.Keys) + " " + bob.Version);
        Assert.Empty(first.DeletedIds);
        Assert.False(first.HasMore);
        Assert.Empty(second.Changed);
        Assert.Empty(second.ChangedVersions);
        Assert.Empty(second.DeletedIds);
    }

    [Fact]
    public async Task Deleted_cards_are_reported_as_tombstones()
    {
        SkipIfMissing();
        var book = await server.CreateBookAsync();
        await server.PutAsync(book, "ann.vcf", CardDavTestKit.Card("ann", "Ann Lee", "ann@example.com"));
        await server.PutAsync(book, "bob.vcf", CardDavTestKit.Card("bob", "Bob Ray", "bob@example.com"));
        await using var connector = CardDavTestKit.Connect(server, server.Settings(Name(book)));
        var cursor = (await connector.ListPagesAsync())[^1].CursorAfter!;

        await server.DeleteAsync(book, "ann.vcf");
        var changes = await connector.ReadChangesAsync(cursor, Ct);

        Assert.Equal(["ann.vcf"], changes.DeletedIds);
        Assert.Empty(changes.Changed);
        Assert.Empty(changes.ChangedVersions);
    }

    [Fact]
    public async Task An_invalid_sync_token_throws_CursorExpiredException()
    {
        SkipIfMissing();
        var book = await server.CreateBookAsync();
        await using var connector = CardDavTestKit.Connect(server, server.Settings(Name(book)));
        var cursor = (await connector.ListPagesAsync())[^1].CursorAfter!;

        await Assert.ThrowsAsync<CursorExpiredException>(() => connector.ReadChangesAsync(cursor + "0bad", Ct));
    }

    [Fact]
    public async Task A_created_card_reads_back_with_its_fields_tags_and_the_client_reference_as_UID()
    {
        SkipIfMissing();
        var book = await server.CreateBookAsync();
        await using var connector = CardDavTestKit.Connect(server, server.Settings(Name(book)));
        var fields = ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, FieldValue>
        {
            ["name.first"] = Values.Text("Zoë"),
            ["name.last"] = Values.Text("Dupont; Jr"),
            ["emails"] = new ListValue(FieldType.Email, [new LabelledValue("work", Values.Email("zoe@example.com"))]),
            ["title"] = Values.Text("Head, Sales"),
        });

        var created = await connector.WriteOneAsync(new CreateOperation("op1", "ref-42", fields, ImmutableSortedSet.Create(StringComparer.Ordinal, "VIP", "Team, A")));
        Assert.True(created.Succeeded, created.Reason);
        var read = Assert.Single(await connector.GetAsync([created.Record!.Id], Ct));
        var text = await server.GetTextAsync(book, created.Record.Id);

        Assert.Equal("ref-42.vcf", read.Id);
        Assert.Equal("ref-42", read.ClientReference);
        Assert.Equal(created.Record.Version, read.Version);
        Assert.Equal(fields.Select(f => (f.Key, f.Value.ToString())).Order(), read.Fields.Where(f => fields.ContainsKey(f.Key)).Select(f => (f.Key, f.Value.ToString())).Order());
        Assert.Equal(["Team, A", "VIP"], read.Tags);
        Assert.Contains("VERSION:3.0", text, StringComparison.Ordinal);
        Assert.Equal(read.Fields.Keys.Order(), (await connector.FindCreatedAsync("ref-42", null, Ct))!.Fields.Keys.Order());
    }

    [Fact]
    public async Task An_update_changes_only_its_fields_keeps_unknown_properties_and_the_card_version()
    {
        SkipIfMissing();
        var book = await server.CreateBookAsync();
        await server.PutAsync(book, "ann.vcf", CardDavTestKit.CardOfVersion("4.0", "ann", "Ann Lee", "ann@example.com", "X-PET:cat", "item1.X-ABLabel:Cousin", "CATEGORIES:Family"));
        await using var connector = CardDavTestKit.Connect(server, server.Settings(Name(book)));
        var before = Assert.Single((await connector.ListPagesAsync()).SelectMany(p => p.Records));

        var result = await connector.WriteOneAsync(new UpdateOperation("op", "ann.vcf", before.Version)
        {
            Changes = [new FieldChange("title", Values.Text("CFO"))],
            AddTags = ["VIP"],
            RemoveTags = ["Family"],
        });
        var text = await server.GetTextAsync(book, "ann.vcf");
        var after = Assert.Single(await connector.GetAsync(["ann.vcf"], Ct));

        Assert.True(result.Succeeded, result.Reason);
        Assert.NotEqual(before.Version, after.Version);
        Assert.Equal(after.Version, result.Record!.Version);
        Assert.Contains("X-PET:cat", text, StringComparison.Ordinal);
        Assert.Contains("item1.X-ABLabel:Cousin", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("VERSION:4.0", text, StringComparison.Ordinal);
        Assert.Equal("CFO", ((ScalarValue)after.Get("title")!).Text);
        Assert.Equal(["VIP"], after.Tags);
        Assert.Equal(before.Email(), after.Email());
    }

    [Fact]
    public async Task A_batch_of_updates_applies_each_keeps_unknown_properties_and_reports_a_vanished_card_alone()
    {
        SkipIfMissing();
        var book = await server.CreateBookAsync();
        await server.PutAsync(book, "ann.vcf", CardDavTestKit.Card("ann", "Ann Lee", "ann@example.com", "X-PET:cat"));
        await server.PutAsync(book, "bob.vcf", CardDavTestKit.Card("bob", "Bob Ray", "bob@example.com", "X-PET:dog"));
        await server.PutAsync(book, "cat.vcf", CardDavTestKit.Card("cat", "Cat Kim", "cat@example.com"));
        await using var connector = CardDavTestKit.Connect(server, server.Settings(Name(book)));
        var versions = (await connector.ListPagesAsync()).SelectMany(p => p.Records).ToDictionary(r => r.Id, r => r.Version, StringComparer.Ordinal);
        await server.DeleteAsync(book, "cat.vcf");

        var results = await connector.WriteAsync(
            [
                new UpdateOperation("u1", "ann.vcf", versions["ann.vcf"]) { Changes = [new FieldChange("title", Values.Text("CFO"))] },
                new UpdateOperation("u2", "cat.vcf", versions["cat.vcf"]) { Changes = [new FieldChange("title", Values.Text("CEO"))] },
                new UpdateOperation("u3", "bob.vcf", versions["bob.vcf"]) { Changes = [new FieldChange("title", Values.Text("CTO"))] },
            ],
            Ct);

        Assert.Equal(["u1", "u2", "u3"], results.Select(r => r.OperationId));
        Assert.True(results[0].Succeeded, results[0].Reason);
        Assert.Equal(WriteFailureKind.NotFound, results[1].Failure);
        Assert.True(results[2].Succeeded, results[2].Reason);
        Assert.Contains("X-PET:cat", await server.GetTextAsync(book, "ann.vcf"), StringComparison.Ordinal);
        Assert.Contains("X-PET:dog", await server.GetTextAsync(book, "bob.vcf"), StringComparison.Ordinal);
        var after = (await connector.GetAsync(["ann.vcf", "bob.vcf"], Ct)).ToDictionary(r => r.Id, StringComparer.Ordinal);
        Assert.Equal("CFO", ((ScalarValue)after["ann.vcf"].Get("title")!).Text);
        Assert.Equal("CTO", ((ScalarValue)after["bob.vcf"].Get("title")!).Text);
        Assert.Equal(after["ann.vcf"].Version, results[0].Record!.Version);
    }

    [Fact]
    public async Task A_batch_update_with_a_stale_etag_fails_as_StaleVersion_and_the_others_apply()
    {
        SkipIfMissing();
        var book = await server.CreateBookAsync();
        await server.PutAsync(book, "ann.vcf", CardDavTestKit.Card("ann", "Ann Lee", "ann@example.com"));
        await server.PutAsync(book, "bob.vcf", CardDavTestKit.Card("bob", "Bob Ray", "bob@example.com"));
        await using var connector = CardDavTestKit.Connect(server, server.Settings(Name(book)));
        var versions = (await connector.ListPagesAsync()).SelectMany(p => p.Records).ToDictionary(r => r.Id, r => r.Version, StringComparer.Ordinal);
        await server.PutAsync(book, "ann.vcf", CardDavTestKit.Card("ann", "Ann Lee", "ann@example.com", "NOTE:edited elsewhere"));

        var results = await connector.WriteAsync(
            [
                new UpdateOperation("u1", "ann.vcf", versions["ann.vcf"]) { Changes = [new FieldChange("title", Values.Text("CFO"))] },
                new UpdateOperation("u2", "bob.vcf", versions["bob.vcf"]) { Changes = [new FieldChange("title", Values.Text("CTO"))] },
            ],
            Ct);

        Assert.Equal(WriteFailureKind.StaleVersion, results[0].Failure);
        Assert.DoesNotContain("CFO", await server.GetTextAsync(book, "ann.vcf"), StringComparison.Ordinal);
        Assert.True(results[1].Succeeded, results[1].Reason);
        Assert.Contains("CTO", await server.GetTextAsync(book, "bob.vcf"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_with_a_stale_etag_fails_as_StaleVersion_and_overwrites_nothing()
    {
        SkipIfMissing();
        var book = await server.CreateBookAsync();
        await server.PutAsync(book, "ann.vcf", CardDavTestKit.Card("ann", "Ann Lee", "ann@example.com"));
        await using var connector = CardDavTestKit.Connect(server, server.Settings(Name(book)));
        var before = Assert.Single((await connector.ListPagesAsync()).SelectMany(p => p.Records));
        await server.PutAsync(book, "ann.vcf", CardDavTestKit.Card("ann", "Ann Lee", "ann@example.com", "NOTE:edited elsewhere"));

        var result = await connector.WriteOneAsync(new UpdateOperation("op", "ann.vcf", before.Version) { Changes = [new FieldChange("title", Values.Text("CFO"))] });

        Assert.Equal(WriteFailureKind.StaleVersion, result.Failure);
        Assert.DoesNotContain("CFO", await server.GetTextAsync(book, "ann.vcf"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_create_whose_name_is_taken_by_another_card_is_not_overwritten()
    {
        SkipIfMissing();
        var book = await server.CreateBookAsync();
        await server.PutAsync(book, "ref-7.vcf", CardDavTestKit.Card("someone-else", "Other Person", "other@example.com"));
        await using var connector = CardDavTestKit.Connect(server, server.Settings(Name(book)));
        var fields = ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, FieldValue> { ["name.full"] = Values.Text("New Person") });

        var result = await connector.WriteOneAsync(new CreateOperation("op", "ref-7", fields, []));

        Assert.Equal("ref-7-2.vcf", result.Record!.Id);
        Assert.Contains("other@example.com", await server.GetTextAsync(book, "ref-7.vcf"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delete_removes_the_card_and_a_repeated_delete_succeeds()
    {
        SkipIfMissing();
        var book = await server.CreateBookAsync();
        await server.PutAsync(book, "ann.vcf", CardDavTestKit.Card("ann", "Ann Lee", "ann@example.com"));
        await using var connector = CardDavTestKit.Connect(server, server.Settings(Name(book)));

        Assert.True((await connector.WriteOneAsync(new DeleteOperation("d1", "ann.vcf"))).Succeeded);
        Assert.True((await connector.WriteOneAsync(new DeleteOperation("d2", "ann.vcf"))).Succeeded);
        Assert.Empty(await connector.GetAsync(["ann.vcf"], Ct));
    }

    [Fact]
    public async Task The_etag_listing_mode_lists_every_card_with_its_etag()
    {
        SkipIfMissing();
        var book = await server.CreateBookAsync();
        var etag = await server.PutAsync(book, "ann.vcf", CardDavTestKit.Card("ann", "Ann Lee", "ann@example.com"));
        await using var connector = CardDavTestKit.Connect(server, server.Settings(Name(book), changeFeed: "etag-listing"));

        var versions = new List<RecordVersion>();
        await foreach (var page in connector.ListVersionsAsync(Ct))
        {
            versions.AddRange(page);
        }

        Assert.Equal(ChangeFeedKind.VersionListing, connector.Capabilities.ChangeFeed);
        Assert.Equal([new RecordVersion("ann.vcf", etag!)], versions);
    }

    [Fact]
    public async Task A_wrong_password_is_an_authorization_failure()
    {
        SkipIfMissing();
        Assert.SkipUnless(server.ChecksPasswords, $"{server.Name} has no authentication of its own.");
        await using var connector = CardDavTestKit.Connect(server, server.Settings("any", password: "wrong"));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => connector.ConnectAsync(Ct));

        Assert.True(error.IsAuthorizationFailure);
        Assert.DoesNotContain("wrong", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loopback_is_refused_unless_the_operator_allows_it()
    {
        SkipIfMissing();
        await using var connector = CardDavTestKit.Connect(server, server.Settings("any"), new CardDavOptions());

        var error = await Assert.ThrowsAsync<ConnectorException>(() => connector.ConnectAsync(Ct));

        Assert.Contains("internal network address", error.Message, StringComparison.Ordinal);
    }

    private static string Name(string bookPath) => bookPath.TrimEnd('/').Split('/')[^1];

    private void SkipIfMissing() => Assert.SkipWhen(server.SkipReason is not null, server.SkipReason ?? string.Empty);
}
