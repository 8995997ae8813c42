using Tandem.Connectors.InMemory;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Engine.Tests.Harness;

/// <summary>
/// People with several email addresses, in a given order (the first is the primary one). Each address is
/// labelled by what it says: "work" or "home" when it contains that word, else "other".
/// </summary>
public static class People
{
    public static ContactRecord CreatePerson(this InMemoryApp app, string firstName, string lastName, params string[] emails)
    {
        var person = app.CreatePerson(firstName, lastName);
        return app.Set(person.Id, EmailField(app), Emails(emails));
    }

    /// <summary>The person's emails with the user's edit applied.</summary>
    public static ContactRecord SetEmails(this InMemoryApp app, string id, params string[] emails) => app.Set(id, EmailField(app), emails.Length == 0 ? null : Emails(emails));

    /// <summary>The record's email addresses as the app holds them, in order.</summary>
    public static IReadOnlyList<string> EmailsOf(this InMemoryApp app, string id) =>
        app.Get(id)?.Get(EmailField(app)) is ListValue list ? [.. list.Items.Select(i => i.Value.Text)] : [];

    public static ListValue Emails(params string[] emails) =>
        new(FieldType.Email, [.. emails.Select(e => new LabelledValue(LabelOf(e), Values.Email(e)))]);

    private static string LabelOf(string email) =>
        email.Contains("work", StringComparison.OrdinalIgnoreCase) ? "work" : email.Contains("home", StringComparison.OrdinalIgnoreCase) ? "home" : "other";

    private static string EmailField(InMemoryApp app) => app.Schema.FindRole(FieldRole.Emails)!.Key;
}
