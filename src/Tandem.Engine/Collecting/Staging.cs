using Tandem.Domain.Contacts;
using Tandem.Engine.Matching;
using Tandem.Engine.Snapshots;
using Tandem.Engine.State;

namespace Tandem.Engine.Collecting;

/// <summary>Turns records read from an app into their staged form (snapshot, content hash, matching key).</summary>
public static class Staging
{
    public static StagedRecord Stage(ContactRecord record, string emailField)
    {
        var snapshot = RecordSnapshot.Serialize(record);
        var emails = EmailKey.All(record, emailField);
        return new StagedRecord(record.Id, record.Version, RecordSnapshot.Hash(snapshot), emails.Count > 0 ? emails[0] : null, snapshot)
        {
            MatchKeys = [.. emails.Select(e => MatchKey.Of(MatchKey.EmailKind, e))],
        };
    }

    public static IReadOnlyList<StagedRecord> Stage(IReadOnlyList<ContactRecord> records, string emailField)
    {
        var staged = new StagedRecord[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            staged[i] = Stage(records[i], emailField);
        }

        return staged;
    }
}
