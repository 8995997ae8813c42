using Tandem.Connectors.CardDav;
using Tandem.Connectors.Catalog;

namespace Tandem.Connectors.CardDav.Tests.Settings;

/// <summary>The CardDAV settings class as parser and validator.</summary>
public sealed class CardDavSettingsTests
{
    private static Dictionary<string, string> Valid() => new() { ["url"] = "https://dav.example.com/", ["username"] = "ann", ["password"] = "pw" };

    [Fact]
    public void A_server_address_with_a_user_name_in_it_is_refused_pointing_to_the_right_settings()
    {
        var values = Valid();
        values["url"] = "https://ann:secret-value@dav.example.com/";

        var error = Assert.Throws<ConnectorSettingsException>(() => CardDavSettings.From(new AccountSettings(values)));

        Assert.Equal("The setting “Server address” (url) must not contain a user name or password; use the settings “User name” (username) and “Password” (password).", error.Message);
    }

    [Theory]
    [InlineData(null, ChangeFeedMode.SyncToken)]
    [InlineData("Sync-Token", ChangeFeedMode.SyncToken)]
    [InlineData("etag", ChangeFeedMode.EtagListing)]
    [InlineData("etag-listing", ChangeFeedMode.EtagListing)]
    public void Change_detection_reads_each_spelling_it_always_took(string? given, ChangeFeedMode expected)
    {
        var values = Valid();
        if (given is not null)
        {
            values["changeFeed"] = given;
        }

        Assert.Equal(expected, CardDavSettings.From(new AccountSettings(values)).ChangeFeed);
    }
}
