using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.InMemory.Internal;

/// <summary>The rule behind InMemoryFaults.RejectInvalidPhones: every phone must be E.164 ("+" and 7 to 15 digits).</summary>
internal static class InvalidPhoneRule
{
    public static string? Check(ContactRecord record)
    {
        foreach (var value in record.Fields.Values)
        {
            if (value.Type != FieldType.Phone)
            {
                continue;
            }

            var phones = value is ListValue list ? list.Items.Select(i => i.Value.Text) : [((ScalarValue)value).Text];
            if (phones.Any(p => !IsE164(p)))
            {
                return "The phone number is invalid.";
            }
        }

        return null;
    }

    private static bool IsE164(string phone) =>
        phone.Length is >= 8 and <= 16 && phone[0] == '+' && phone[1] != '0' && phone.Skip(1).All(char.IsAsciiDigit);
}
