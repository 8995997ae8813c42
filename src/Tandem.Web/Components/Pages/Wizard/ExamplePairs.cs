using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Engine.Planning;
using Tandem.Web.Services.Fields;

namespace Tandem.Web.Components.Pages.Wizard;

/// <summary>
/// The example contacts of the field table, one per row of examples: first the people found in both accounts' first
/// pages (the same email), side by side; then the rest of each side alone, so a column never shows someone else's
/// values as if they were the same person's.
/// </summary>
public static class ExamplePairs
{
    public static IReadOnlyList<(ContactRecord? A, ContactRecord? B)> Of(AccountSchema a, AccountSchema b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var emailA = a.Schema.FindRole(FieldRole.Emails)?.Key;
        var emailB = b.Schema.FindRole(FieldRole.Emails)?.Key;
        var pairs = new List<(ContactRecord? A, ContactRecord? B)>();
        var pairedB = new HashSet<ContactRecord>();
        var alone = new List<(ContactRecord? A, ContactRecord? B)>();
        foreach (var record in a.Sample)
        {
            var emails = emailA is null ? [] : EmailKey.All(record, emailA);
            var same = emailB is null ? null : b.Sample.FirstOrDefault(other => !pairedB.Contains(other) && EmailKey.All(other, emailB).Intersect(emails, StringComparer.Ordinal).Any());
            if (same is not null)
            {
                pairedB.Add(same);
                pairs.Add((record, same));
            }
            else
            {
                alone.Add((record, null));
            }
        }

        var rest = b.Sample.Where(r => !pairedB.Contains(r)).Select(r => ((ContactRecord?)null, (ContactRecord?)r));
        return [.. pairs, .. Interleave(alone, rest.ToList())];
    }

    /// <summary>"Eva Tanaka" — how the example is named above its column.</summary>
    public static string Name(ContactRecord record, AccountSchema data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return ContactLabel.Of(record, data.Schema);
    }

    private static IEnumerable<(ContactRecord? A, ContactRecord? B)> Interleave(List<(ContactRecord? A, ContactRecord? B)> a, List<(ContactRecord? A, ContactRecord? B)> b)
    {
        for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
        {
            if (i < a.Count)
            {
                yield return a[i];
            }

            if (i < b.Count)
            {
                yield return b[i];
            }
        }
    }
}
