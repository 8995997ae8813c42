using System.Globalization;

namespace Tandem.Sandbox.Woodpecker;

/// <summary>The prospect's fields and statuses as Woodpecker names them (developers.woodpecker.co, "Add prospects to database").</summary>
internal static class ProspectFields
{
    public const int Snippets = 15;

    public const string Active = "ACTIVE";

    public const string Blacklist = "BLACKLIST";

    /// <summary>The global statuses a prospect can have (NOTES.md §8; the older docs' AUTOREPLIED, TO-CHECK, TO-REVIEW are not simulated).</summary>
    public static readonly string[] Statuses = [Active, Blacklist, "REPLIED", "BOUNCED", "INVALID"];

    /// <summary>The text fields besides the snippets, in the order the help page's sample lists them.</summary>
    public static readonly string[] Text =
        ["email", "first_name", "last_name", "company", "industry", "website", "linkedin_url", "tags", "title", "phone", "address", "city", "state", "country"];

    public static string Snippet(int n) => "snippet" + n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every writable field name, snippets included.</summary>
    public static IEnumerable<string> Writable => Text.Concat(Enumerable.Range(1, Snippets).Select(Snippet));

    /// <summary>Woodpecker's time format: seconds and an offset without a colon (<c>2016-09-03T15:02:57+0200</c>).</summary>
    public static string Stamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+0000";
}
