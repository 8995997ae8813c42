using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Connectors.Mailchimp.Internal;

/// <summary>
/// Reads members changed since a cursor, oldest change first: <c>since_last_changed</c> one second before the cursor
/// (Mailchimp's filter is "after" at one-second resolution, so members sharing the cursor's second are re-read and the
/// ones delivered are skipped). Pages are keyset by time, not offsets, so members that change meanwhile are never
/// skipped; offsets are only followed while a whole page shares the cursor's second.
/// </summary>
internal sealed class MemberFeed
{
    public const int PageSize = 1000;

    private readonly MailchimpClient client;

    public MemberFeed(MailchimpClient client)
    {
        this.client = client;
    }

    /// <summary>One read: the members after the cursor (live, or archived ones), and whether more follow.</summary>
    public async Task<(List<JsonObject> Members, bool More)> ReadAsync(FeedCursor cursor, bool archived, CancellationToken cancellationToken)
    {
        var since = cursor.LastChanged == DateTimeOffset.UnixEpoch ? string.Empty : "&since_last_changed=" + Uri.EscapeDataString(MailchimpTime.Stamp(cursor.LastChanged.AddSeconds(-1)));
        var status = archived ? "&status=archived" : string.Empty;
        var members = new List<JsonObject>();
        var offset = 0;
        while (true)
        {
            var answer = await client.GetAsync(
                string.Create(CultureInfo.InvariantCulture, $"lists/{client.AudienceId}/members?count={PageSize}&offset={offset}&sort_field=last_changed&sort_dir=ASC{since}{status}"),
                cancellationToken).ConfigureAwait(false);
            var page = Json.Items(answer, "members").ToList();
            var id = archived ? FeedCursor.ArchivedMark : string.Empty;
            members.AddRange(page.Where(m => !cursor.Delivered(id + MemberReader.Id(m), MemberReader.LastChanged(m))));
            offset += page.Count;
            var more = page.Count > 0 && offset < (Json.Int(answer, "total_items") ?? 0);
            if (!more || page.Any(m => MemberReader.LastChanged(m) > cursor.LastChanged))
            {
                return (members, more);
            }
        }
    }

    /// <summary>
    /// The most recently archived members, as cursor entries: a listing's cursor takes them in, so archivals made before
    /// the listing are not reported as fresh deletions.
    /// </summary>
    public async Task<List<(string Id, DateTimeOffset At)>> NewestArchivedAsync(CancellationToken cancellationToken)
    {
        var answer = await client.GetAsync($"lists/{client.AudienceId}/members?count=100&sort_field=last_changed&sort_dir=DESC&status=archived&fields=members.contact_id,members.id,members.last_changed,total_items", cancellationToken).ConfigureAwait(false);
        return Json.Items(answer, "members").Select(m => (FeedCursor.ArchivedMark + MemberReader.Id(m), MemberReader.LastChanged(m))).Reverse().ToList();
    }
}
