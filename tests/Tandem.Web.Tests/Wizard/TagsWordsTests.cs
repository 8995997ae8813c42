using Tandem.Domain.Fields;
using Tandem.Web.Components.Pages.Wizard;
using Tandem.Web.Services.Catalog;

namespace Tandem.Web.Tests.Wizard;

/// <summary>The fields step explains the "Tags ↔ Tags" row in each app's words, and why it is on or off by default.</summary>
public sealed class TagsWordsTests
{
    private static readonly DraftMapping TagsRow = new() { AField = TagsField.Key, BField = TagsField.Key };

    private static AppView App(string name, string container) =>
        new(name, name, false, [], new AppCapabilitiesView([AppCatalogService.Contacts], [], [], container, false, false, false, false, false, false), HasSandbox: false);

    private static AppSchema Schema(FieldDefinition tags) => new([tags]);

    [Fact]
    public void Between_two_address_books_the_row_says_what_it_keeps_the_same_and_that_it_is_on_by_default()
    {
        var note = TagsWords.Note(TagsRow, App("Google Contacts", "contact groups"), App("CardDAV", "CATEGORIES"), Schema(TagsField.Categories()), Schema(TagsField.Categories()));

        Assert.Equal(
            "Keeps the contact groups of Google Contacts and the CATEGORIES of CardDAV the same, tag by tag: a tag added or removed on one side is added or removed on the other, "
            + "and tags changed on both sides both hold. Tandem's own tags (\"Tandem Trash\", \"Tandem Unsubscribes\") and the tags your rules add are never copied. "
            + "On by default: both are address books, where tags file contacts the same way.",
            note);
    }

    [Fact]
    public void With_a_crm_the_row_says_why_it_is_off_by_default()
    {
        var note = TagsWords.Note(TagsRow, App("Pipedrive", "labels"), App("CardDAV", "CATEGORIES"), Schema(TagsField.Labels()), Schema(TagsField.Categories()));

        Assert.EndsWith("Off by default: the labels of Pipedrive and the CATEGORIES of CardDAV often mean something to one app only (a stage, a campaign); turn it on if yours mean the same.", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_rows_get_no_tags_note() =>
        Assert.Null(TagsWords.Note(new DraftMapping { AField = "emails", BField = "emails" }, App("A", "tags"), App("B", "tags"), Schema(TagsField.Labels()), Schema(TagsField.Labels())));
}
