using Tandem.Domain.Contacts;
using Tandem.Engine.Matching;
using Tandem.Engine.Snapshots;
using Tandem.Engine.State;

namespace Tandem.Engine.Collecting;

/// <summary>Turns records read from an app into their staged form (snapshot, content hash, matching key).</summary>
public static class Staging
{
    public static StagedRecord Stage(ContactRecord record, MatchKeyReader keys)
    {
        var snapshot = RecordSnapshot.Serialize(record);
        return new StagedRecord(record.Id, record.Version, RecordSnapshot.Hash(snapshot), EmailKey.Of(record, keys.EmailField), snapshot)
        {
            MatchKeys = keys.KeysOf(record),
        };
    }

    public static IReadOnlyList<StagedRecord> Stage(IReadOnlyList<ContactRecord> records, MatchKeyReader keys)
    {
        var staged = new StagedRecord[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            staged[i] = Stage(records[i], keys);
        }

        return staged;
    }
}
