using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;
using Tandem.Domain.Contacts;
using Tandem.Engine.Collecting;
using Tandem.Engine.Planning;
using Tandem.Engine.State;

namespace Tandem.Engine.Applying;

/// <summary>
/// Settles creates whose outcome was never recorded (a kill after the call, a lost answer): the record
/// is looked for in the app by the reference Tandem gave it, then by email. Found: it is adopted and
/// linked, never created twice (SYNC-INVARIANTS 16). Not found: the source contact is planned again. Still pending in
/// an app that settles writes later, or not found while the app may not list it yet
/// (<see cref="ConnectorCapabilities.CreatesListedWithin"/>): left pending, and its source gets no second create until
/// the app answers or that time has passed.
/// </summary>
public sealed class LostCreateRecovery
{
    private readonly SyncRequest request;
    private readonly SyncContext context;
    private readonly ISyncSession session;
    private readonly TimeProvider time;

    public LostCreateRecovery(SyncRequest request, SyncContext context, ISyncSession session, TimeProvider? time = null)
    {
        this.request = request;
        this.context = context;
        this.session = session;
        this.time = time ?? TimeProvider.System;
    }

    public async Task<(int Found, int Missing)> RecoverAsync(CancellationToken cancellationToken)
    {
        var entries = await session.PendingCreatesAsync(cancellationToken);
        var pending = entries.Count;
        var found = 0;
        var commit = new PageCommit();
        foreach (var entry in entries)
        {
            var intent = entry.Intent;
            var source = intent.Side.Other();
            ContactRecord? record;
            var connector = request.ConnectorOf(intent.Side);
            try
            {
                record = await connector.FindCreatedAsync(entry.PendingReference ?? intent.ClientReference ?? string.Empty, intent.EmailKey, cancellationToken);
                if (record is null && entry.RecordedAt is { } sent && time.GetUtcNow() - sent < connector.Capabilities.CreatesListedWithin)
                {
                    // Not listed yet is not proof it was never made: the app may still be propagating it.
                    throw new WritePendingException();
                }
            }
            catch (WritePendingException)
            {
                // The app is still processing the request: neither adopted nor abandoned, and never sent again meanwhile.
                if (intent.SourceRecordId is not null)
                {
                    context.CreatesAwaitingSettlement.Add((source, intent.SourceRecordId));
                }

                pending--;
                continue;
            }

            if (record is not null && intent.SourceRecordId is not null)
            {
                found++;
                commit.Records.Add(new RecordWrite(intent.Side, record.Id, DirtyState.Dirty, Staging.Stage(record, context.KeysOf(intent.Side))));
                var (a, b) = intent.Side == Side.A ? (record.Id, intent.SourceRecordId) : (intent.SourceRecordId, record.Id);

                // No baseline: the pair is merged as at a first match, which writes nothing when they agree.
                commit.Links.Add(new LinkWrite(0, a, b, null, false, false) { Rebind = intent.Side });
                commit.Journal.Add((entry.Id, JournalState.Done, record.Id, "adopted after a lost answer"));
                commit.Activity.Add(new ActivityNote(intent.Side, record.Id, "adopted", $"Found a contact created in {context.NameOf(intent.Side)} whose answer was lost; linked it instead of creating it again."));
            }
            else
            {
                commit.Journal.Add((entry.Id, JournalState.Abandoned, null, "not found after a lost answer"));
            }

            if (intent.SourceRecordId is not null)
            {
                commit.Records.Add(new RecordWrite(source, intent.SourceRecordId, DirtyState.Dirty));
            }
        }

        if (!commit.IsEmpty)
        {
            await session.CommitAsync(commit, cancellationToken);
        }

        return (found, pending - found);
    }
}
