using System.Globalization;

namespace Tandem.Sandbox.Wooxy;

/// <summary>
/// The demo account: the Default Contact List (a "companyName" string variable, as Wooxy's own example shows, and a
/// "renewalDate" date variable) with a few contacts, and an empty "Newsletter" list.
/// </summary>
internal static class WooxyDemoData
{
    public const string DefaultListId = "list-default";
    public const string DefaultListName = "Default Contact List";
    public const string NewsletterListId = "list-newsletter";

    private static readonly string[] FirstNames = ["Mira", "Jonas", "Elif", "Tomas", "Ines", "Kofi", "Lena", "Arun", "Sofia", "Piet", "Yara", "Ben"];

    public static void Seed(WooxyStore store, WooxySandboxOptions options)
    {
        var list = new StoredList(DefaultListId, DefaultListName, isDefault: true);
        list.CustomVariables["companyName"] = "string";
        list.CustomVariables["renewalDate"] = "date";
        for (var i = 0; i < options.SeedContacts; i++)
        {
            var first = FirstNames[i % FirstNames.Length];
            var contact = new StoredContact(store.NewId("c"));
            contact.Properties["email"] = $"{first.ToLowerInvariant()}.demo{i + 1}@example.com";
            contact.Properties["firstName"] = first;
            contact.Properties["lastName"] = "Demo";
            contact.Properties["name"] = first + " Demo";
            contact.Properties["emailSubscribe"] = true;
            contact.Properties["active"] = true;
            if (i % 3 == 0)
            {
                contact.Properties["phoneNumber"] = "+3247000" + (1000 + i).ToString(CultureInfo.InvariantCulture);
                contact.Properties["smsSubscribe"] = true;
                contact.Properties["viberSubscribe"] = true;
            }

            contact.Properties["createdAt"] = store.Now();
            contact.Properties["updatedAt"] = store.Now();
            contact.Variables["companyName"] = "Demo Company " + (i % 4 + 1).ToString(CultureInfo.InvariantCulture);
            list.Contacts.Add(contact);
        }

        store.Lists.Add(list);
        store.Lists.Add(new StoredList(NewsletterListId, "Newsletter", isDefault: false));
    }
}
