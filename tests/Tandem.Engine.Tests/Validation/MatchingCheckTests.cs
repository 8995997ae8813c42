using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Validation;

namespace Tandem.Engine.Tests.Validation;

/// <summary>The matching keys a connection is saved with, in the words a person reads.</summary>
public sealed class MatchingCheckTests
{
    private static readonly ConnectionSide Crm = new(
        "Acme CRM",
        new ConnectorCapabilities(),
        new AppSchema(
        [
            new("email", "Email", FieldType.Email) { IsList = true, Role = FieldRole.Emails },
            new("phone", "Phone", FieldType.Phone) { IsList = true, Role = FieldRole.Phones },
            new("customer_no", "Customer number", FieldType.Text) { IsCustom = true },
        ]));

    private static readonly ConnectionSide Book = new(
        "Phone Book",
        new ConnectorCapabilities(),
        new AppSchema(
        [
            new("mails", "Emails", FieldType.Email) { IsList = true, Role = FieldRole.Emails },
            new("client_id", "Client ID", FieldType.Text) { IsCustom = true },
        ]));

    [Fact]
    public void Email_and_a_custom_field_present_on_both_sides_pass()
    {
        var settings = new ConnectionSettings { MatchOn = [new MatchKeyChoice(MatchKeyKind.CustomField) { FieldA = "customer_no", FieldB = "client_id" }, MatchKeyChoice.Email] };

        Assert.Empty(ConnectionValidator.Check("c", settings, Crm, Book));
    }

    [Fact]
    public void Phone_needs_phone_numbers_in_both_apps()
    {
        var settings = new ConnectionSettings { MatchOn = [MatchKeyChoice.Email, MatchKeyChoice.Phone] };

        Assert.Equal(["Matching on phone number needs phone numbers in both apps; Phone Book has none."], ConnectionValidator.Check("c", settings, Crm, Book));
    }

    [Fact]
    public void A_custom_field_must_exist_hold_one_value_and_be_named_on_both_sides()
    {
        var settings = new ConnectionSettings { MatchOn = [new MatchKeyChoice(MatchKeyKind.CustomField) { FieldA = "email", FieldB = "nope" }, MatchKeyChoice.Email, MatchKeyChoice.Email] };

        Assert.Equal(
            [
                "Each matching key can be chosen once.",
                "Email in Acme CRM holds several values; a unique field to match on holds one.",
                "Phone Book has no field 'nope' to match on.",
            ],
            ConnectionValidator.Check("c", settings, Crm, Book));
    }
}
