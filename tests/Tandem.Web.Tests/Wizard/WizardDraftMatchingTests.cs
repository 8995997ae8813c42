using Tandem.Domain.Configuration;
using Tandem.Web.Components.Pages.Wizard;

namespace Tandem.Web.Tests.Wizard;

public sealed class WizardDraftMatchingTests
{
    [Fact]
    public void A_new_connection_matches_on_email_only()
    {
        Assert.Equal([MatchKeyChoice.Email], new WizardDraft().ToSettings().MatchOn);
    }

    [Fact]
    public void Phone_and_a_custom_field_follow_email_unless_another_key_is_tried_first()
    {
        var draft = new WizardDraft { MatchPhone = true, MatchFieldA = "customer_no", MatchFieldB = "client_id" };
        var custom = new MatchKeyChoice(MatchKeyKind.CustomField) { FieldA = "customer_no", FieldB = "client_id" };

        Assert.Equal([MatchKeyChoice.Email, MatchKeyChoice.Phone, custom], draft.ToSettings().MatchOn);

        draft.MatchFirst = MatchKeyKind.CustomField;
        Assert.Equal([custom, MatchKeyChoice.Email, MatchKeyChoice.Phone], draft.ToSettings().MatchOn);
    }

    [Fact]
    public void A_custom_field_chosen_on_one_side_only_is_not_a_key()
    {
        var draft = new WizardDraft { MatchFieldA = "customer_no", MatchFirst = MatchKeyKind.CustomField };

        Assert.Equal([MatchKeyChoice.Email], draft.ToSettings().MatchOn);
    }

    [Fact]
    public void The_matching_keys_reach_the_connection_service_and_survive_the_settings_json()
    {
        var draft = new WizardDraft { AccountA = "a", AccountB = "b", MatchPhone = true, MatchFirst = MatchKeyKind.Phone };

        var settings = draft.ToServiceDraft().ToSettings();
        var read = ConnectionSettingsJson.Deserialize(ConnectionSettingsJson.Serialize(settings));

        Assert.Equal([MatchKeyChoice.Phone, MatchKeyChoice.Email], read.MatchOn);
    }
}
