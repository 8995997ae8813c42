using Tandem.Domain.Contacts;
using Tandem.Engine.Snapshots;
using Tandem.Engine.State;

namespace Tandem.Engine.Collecting;

/// <summary>Turns records read from an app into their staged form (snapshot, content hash, matching key).</summary>
public static class Staging
{
    public static StagedRecord Stage(ContactRecord record, string emailField)
    {
        var snapshot = RecordSnapshot.Serialize(record);
        return new StagedRecord(record.Id, record.Version, RecordSnapshot.Hash(snapshot), EmailKey.Of(record, emailField), snapshot);
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
