using Tandem.Connectors.Contract;
using Tandem.Connectors.Vocabulary;
using Tandem.Domain.Configuration;

namespace Tandem.Connectors.Workbooks;

/// <summary>
/// Workbooks' filters and actions in its own words, as the seed page lists them: ownership, watched, assignment, lead
/// source, marketing campaign, opted into or out of emails (the "no email soliciting" flag), deleted, any field's value
/// (custom fields included) and already existing in the other app; actions opt into or out of emails, set the lead
/// source or marketing campaign, or set any field.
/// </summary>
internal static class WorkbooksVocabulary
{
    private const string UserId = "user id";

    public static RuleVocabulary For(ConnectorCapabilities capabilities) =>
        RuleVocabulary.Standard(capabilities)
            .Saying(FilterKind.HasTag, "is tagged")
            .Saying(FilterKind.HasNotTag, "is not tagged")
            .Saying(ActionKind.AddTag, "add tag")
            .Adding(new RuleTerm<FilterKind>(FilterKind.FieldEquals, "is owned by") { Field = WorkbooksFieldKeys.Owner, TakesValue = true, ValueHint = UserId })
            .Adding(new RuleTerm<FilterKind>(FilterKind.FieldEquals, "is watched") { Field = WorkbooksFieldKeys.Watched, Value = "true" })
            .Adding(new RuleTerm<FilterKind>(FilterKind.FieldEquals, "is not watched") { Field = WorkbooksFieldKeys.Watched, Value = "false" })
            .Adding(new RuleTerm<FilterKind>(FilterKind.FieldEquals, "opted out of emails") { Field = WorkbooksFieldKeys.NoEmailSoliciting, Value = "true" })
            .Adding(new RuleTerm<FilterKind>(FilterKind.FieldEquals, "opted into emails") { Field = WorkbooksFieldKeys.NoEmailSoliciting, Value = "false" })
            .Adding(new RuleTerm<FilterKind>(FilterKind.FieldEquals, "has lead source") { Field = WorkbooksFieldKeys.LeadSource, TakesValue = true })
            .Adding(new RuleTerm<FilterKind>(FilterKind.FieldEquals, "is in marketing campaign") { Field = WorkbooksFieldKeys.MarketingCampaign, TakesValue = true })
            .Adding(new RuleTerm<FilterKind>(FilterKind.FieldNotEquals, "is not owned by") { Field = WorkbooksFieldKeys.Owner, TakesValue = true, ValueHint = UserId })
            .Adding(new RuleTerm<FilterKind>(FilterKind.FieldIsEmpty, "is not assigned") { Field = WorkbooksFieldKeys.Owner })
            .Adding(new RuleTerm<FilterKind>(FilterKind.FieldIsNotEmpty, "is assigned") { Field = WorkbooksFieldKeys.Owner })
            .Adding(new RuleTerm<ActionKind>(ActionKind.SetField, "opt out of emails") { Field = WorkbooksFieldKeys.NoEmailSoliciting, Value = "true" })
            .Adding(new RuleTerm<ActionKind>(ActionKind.SetField, "opt into emails") { Field = WorkbooksFieldKeys.NoEmailSoliciting, Value = "false" })
            .Adding(new RuleTerm<ActionKind>(ActionKind.SetField, "set lead source to") { Field = WorkbooksFieldKeys.LeadSource, TakesValue = true })
            .Adding(new RuleTerm<ActionKind>(ActionKind.SetField, "set marketing campaign to") { Field = WorkbooksFieldKeys.MarketingCampaign, TakesValue = true });
}
