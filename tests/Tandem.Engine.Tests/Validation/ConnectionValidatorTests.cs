using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Validation;

namespace Tandem.Engine.Tests.Validation;

/// <summary>
/// The one validator the wizard, the REST API and set-up files share: each rule on its own, with the exact words a
/// person reads (apps by name, fields by label, conditions and actions in plain words).
/// </summary>
public sealed class ConnectionValidatorTests
{
    private static readonly ConnectionSide Crm = new(
        "Acme CRM",
        new ConnectorCapabilities
        {
            DetectsDeletions = true,
            DetectsUnsubscribes = true,
            CanDelete = true,
            TagContainer = "labels",
            Filters = StandardFilters.FieldsTagsAndSubscription,
            Actions = [ActionKind.AddTag, ActionKind.SetField, ActionKind.Unsubscribe],
        },
        new AppSchema(
        [
            new("first_name", "First name", FieldType.Text) { Role = FieldRole.FirstName },
            new("last_name", "Last name", FieldType.Text) { Role = FieldRole.LastName },
            new("email", "Email", FieldType.Email) { IsList = true, Role = FieldRole.Emails },
            new("birthday", "Birthday", FieldType.Date) { Role = FieldRole.Birthday },
            new("c_score", "Lead score", FieldType.Number) { IsCustom = true },
        ]));

    private static readonly ConnectionSide Book = new(
        "Phone Book",
        new ConnectorCapabilities
        {
            DetectsDeletions = true,
            TagContainer = "contact groups",
            Filters = StandardFilters.FieldsAndTags,
            Actions = [ActionKind.AddTag, ActionKind.SetField],
        },
        new AppSchema(
        [
            new("fn", "Full name", FieldType.Text) { Role = FieldRole.FullName },
            new("mails", "Emails", FieldType.Email) { IsList = true, Role = FieldRole.Emails },
            new("bday", "Birthday", FieldType.Date) { Role = FieldRole.Birthday },
            new("x_vip", "VIP", FieldType.Boolean) { IsCustom = true },
        ]));

    private static readonly ConnectionSide ReadOnlyBook = Book with { Capabilities = Book.Capabilities with { IsReadOnly = true } };

    [Fact]
    public void A_connection_both_apps_support_has_no_problems()
    {
        var settings = new ConnectionSettings
        {
            RulesA = [new Rule { Id = "vip", Filters = [new Filter(FilterKind.IsSubscribed)], Actions = [new RuleAction(ActionKind.AddTag, Value: "VIP")] }],
            Options = new SyncOptions { SyncDeletions = true, DeletionGuardRatio = 1, DeletionGuardMinimum = 0 },
        };

        Assert.Empty(ConnectionValidator.Check("CRM ↔ phone", settings, Crm, Book));
    }

    [Fact]
    public void A_condition_the_app_does_not_offer_is_refused_naming_what_it_offers_in_its_own_words()
    {
        var settings = new ConnectionSettings { RulesB = [new Rule { Id = "subscribers", Filters = [new Filter(FilterKind.IsSubscribed)] }] };

        var problems = ConnectionValidator.Check("c", settings, Crm, Book);

        Assert.Equal(
            [
                "Rules of Phone Book (side B): rule “subscribers” tests “is subscribed”, which Phone Book does not offer; it offers “a field is”, “a field is not”, "
                + "“a field contains”, “a field is empty”, “a field is not empty”, “is in contact group”, “is not in contact group”, “already exists in Acme CRM”.",
            ],
            problems);
    }

    [Fact]
    public void An_action_the_other_app_does_not_offer_is_refused_naming_what_it_offers()
    {
        var settings = new ConnectionSettings { RulesA = [new Rule { Id = "leavers", Actions = [new RuleAction(ActionKind.Unsubscribe)] }] };

        var problems = ConnectionValidator.Check("c", settings, Crm, Book);

        Assert.Equal(
            ["Rules of Acme CRM (side A): rule “leavers” runs “unsubscribe” in Phone Book, which Phone Book does not offer; it offers “add to contact group”, “set a field”."],
            problems);
    }

    [Fact]
    public void An_action_into_a_read_only_app_is_refused_even_where_the_connection_reads_from_it()
    {
        var settings = new ConnectionSettings
        {
            Direction = SyncDirection.BToA,
            RulesA = [new Rule { Id = "tag-them", Actions = [new RuleAction(ActionKind.AddTag, Value: "Synced")] }],
        };

        var problems = ConnectionValidator.Check("c", settings, Crm, ReadOnlyBook);

        Assert.Equal(["Rules of Acme CRM (side A): rule “tag-them” runs “add to contact group” in Phone Book, which cannot be written to."], problems);
    }

    [Theory]
    [InlineData(SyncDirection.TwoWay)]
    [InlineData(SyncDirection.BToA)]
    public void A_direction_that_reads_from_a_write_only_app_is_refused_with_the_one_way_that_works(SyncDirection direction)
    {
        var writeOnlyBook = Book with { Capabilities = Book.Capabilities with { ChangeFeed = ChangeFeedKind.None } };

        var problems = ConnectionValidator.Check("c", new ConnectionSettings { Direction = direction }, Crm, writeOnlyBook);
        var oneWay = ConnectionValidator.Check("c", new ConnectionSettings { Direction = SyncDirection.AToB }, Crm, writeOnlyBook);

        Assert.Equal(["Phone Book cannot be read, only written to: make the connection one-way from Acme CRM to Phone Book."], problems);
        Assert.Empty(oneWay);
    }

    [Theory]
    [InlineData(SyncDirection.TwoWay)]
    [InlineData(SyncDirection.AToB)]
    public void A_direction_that_writes_into_a_read_only_app_is_refused_with_the_one_way_that_works(SyncDirection direction)
    {
        var problems = ConnectionValidator.Check("c", new ConnectionSettings { Direction = direction }, Crm, ReadOnlyBook);

        Assert.Equal(["Phone Book cannot be written to: make the connection one-way from Phone Book to Acme CRM."], problems);
    }

    [Fact]
    public void One_way_out_of_a_read_only_app_is_accepted()
    {
        Assert.Empty(ConnectionValidator.Check("c", new ConnectionSettings { Direction = SyncDirection.BToA }, Crm, ReadOnlyBook));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void A_deletion_guard_ratio_out_of_range_is_refused(double ratio)
    {
        var settings = new ConnectionSettings { Options = new SyncOptions { DeletionGuardRatio = ratio } };

        var problems = ConnectionValidator.Check("c", settings, Crm, Book);

        Assert.Equal(["The deletion guard ratio must be above 0 and at most 1 (0.5 trips when a side loses half its contacts)."], problems);
    }

    [Fact]
    public void A_negative_deletion_guard_minimum_is_refused()
    {
        var settings = new ConnectionSettings { Options = new SyncOptions { DeletionGuardMinimum = -1 } };

        Assert.Equal(["The deletion guard minimum cannot be negative."], ConnectionValidator.Check("c", settings, Crm, Book));
    }

    [Fact]
    public void An_incompatible_mapping_is_refused_naming_both_fields_by_label()
    {
        var settings = new ConnectionSettings { Mappings = [new FieldMapping(FieldMapping.NameKey, FieldMapping.NameKey), new FieldMapping("c_score", "bday")] };

        var problem = Assert.Single(ConnectionValidator.Check("c", settings, Crm, Book));

        Assert.StartsWith("Mapping Lead score ↔ Birthday: “Lead score” and “Birthday”: ", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("c_score", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("bday", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapping_of_a_field_the_app_lacks_names_the_missing_key_as_typed()
    {
        var settings = new ConnectionSettings { Mappings = [new FieldMapping(FieldMapping.NameKey, FieldMapping.NameKey), new FieldMapping("email", "no_such_field")] };

        var problem = Assert.Single(ConnectionValidator.Check("c", settings, Crm, Book));

        Assert.Equal("Mapping Email ↔ no_such_field: Phone Book has no field 'no_such_field'.", problem);
    }

    [Fact]
    public void Syncing_unsubscribes_is_refused_when_one_app_does_not_report_them()
    {
        var settings = new ConnectionSettings { Options = new SyncOptions { SyncUnsubscribes = true } };

        var problems = ConnectionValidator.Check("c", settings, Crm, Book);

        Assert.Equal(
            [
                "Sync unsubscribes is not available: Needs every sending app to report unsubscribes and every receiving app to have tags; "
                + "here Acme CRM reports them and Phone Book has tags; Phone Book does not report them and Acme CRM has tags.",
            ],
            problems);
    }

    [Fact]
    public void Syncing_unsubscribes_one_way_from_the_app_that_reports_them_is_accepted()
    {
        var settings = new ConnectionSettings { Direction = SyncDirection.AToB, Options = new SyncOptions { SyncUnsubscribes = true } };

        Assert.Empty(ConnectionValidator.Check("c", settings, Crm, Book));
    }

    [Fact]
    public void Deleting_in_the_target_of_a_two_way_connection_is_refused()
    {
        var settings = new ConnectionSettings { Options = new SyncOptions { DeleteInTarget = true } };

        var problems = ConnectionValidator.Check("c", settings, Crm, Book);

        Assert.Equal(["Delete in target is not available: Deleting in the target is only for a one-way connection into a list-style app."], problems);
    }

    [Fact]
    public void A_name_longer_than_the_limit_is_refused_and_one_at_the_limit_is_accepted()
    {
        var longest = new string('n', ConnectionValidator.MaxNameLength);

        Assert.Empty(ConnectionValidator.Check(longest, new ConnectionSettings(), Crm, Book));
        Assert.Equal(["A connection's name can have at most 200 characters."], ConnectionValidator.Check(longest + "n", new ConnectionSettings(), Crm, Book));
    }

    [Fact]
    public void A_contact_type_other_than_contacts_is_refused()
    {
        var problems = ConnectionValidator.Check("c", new ConnectionSettings { ContactType = "leads" }, Crm, Book);

        Assert.Equal(["The contact type 'leads' is not offered by both apps; use 'contacts'."], problems);
    }

    [Fact]
    public void Every_problem_is_returned_at_once()
    {
        var settings = new ConnectionSettings
        {
            ContactType = "leads",
            RulesB = [new Rule { Id = "subscribers", Filters = [new Filter(FilterKind.IsSubscribed)] }],
            Mappings = [new FieldMapping(FieldMapping.NameKey, FieldMapping.NameKey), new FieldMapping("c_score", "bday")],
            Options = new SyncOptions { SyncUnsubscribes = true, DeletionGuardMinimum = -1 },
        };

        var problems = ConnectionValidator.Check(new string('n', 201), settings, Crm, Book);

        string[] starts = ["A connection's name", "The contact type", "Rules of Phone Book", "Mapping Lead score", "Sync unsubscribes", "The deletion guard minimum"];
        Assert.Equal(starts.Length, problems.Count);
        Assert.All(starts.Zip(problems), p => Assert.StartsWith(p.First, p.Second, StringComparison.Ordinal));
    }
}
