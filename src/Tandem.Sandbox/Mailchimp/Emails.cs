using System.Text.RegularExpressions;

namespace Tandem.Sandbox.Mailchimp;

/// <summary>The address check Mailchimp applies before accepting a member (a plausible single address).</summary>
internal static partial class Emails
{
    public static bool IsValid(string email) => Address().IsMatch(email.Trim());

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
