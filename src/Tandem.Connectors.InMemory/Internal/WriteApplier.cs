using System.Collections.Immutable;
using Tandem.Connectors.Contract;
using Tandem.Domain.Contacts;

namespace Tandem.Connectors.InMemory.Internal;

/// <summary>
/// Applies one write call to an app, operation by operation, under the app's lock: the app's own
/// validation (schema, capabilities, expected versions) and the scripted faults (rejections,
/// slipped-in edits, failed calls, lost responses).
/// </summary>
internal sealed class WriteApplier(InMemoryApp app)
{
    private const string UnknownReason = "The app did not answer; the write may or may not have happened.";

    public IReadOnlyList<WriteResult> Apply(IReadOnlyList<WriteOperation> operations)
    {
        lock (app.Gate)
        {
            var capabilities = app.Capabilities;
            if (operations.Count > capabilities.WriteBatchSize)
            {
                throw new ArgumentException(
                    $"{operations.Count} operations exceed the app's write batch size of {capabilities.WriteBatchSize}.",
                    nameof(operations));
            }

            app.Calls.CountWriteCall();
            foreach (var operation in operations)
            {
                Count(operation);
            }

            if (capabilities.IsReadOnly)
            {
                app.Calls.CountRefusedWriteCall();
                return operations.Select(o => Refuse(o, "The app is read-only.")).ToList();
            }

            if (app.Roller.WriteFails())
            {
                throw new ConnectorException($"The app '{app.Name}' answered 503 Service Unavailable (injected).");
            }

            var results = operations.Select(o => ApplyOne(o, capabilities)).ToList();
            if (!app.Roller.ResponseIsLost())
            {
                return results;
            }

            if (app.Faults.LostResponseStyle == LostResponseStyle.Throw)
            {
                throw app.Faults.LostResponseException();
            }

            return results.ConvertAll(r => WriteResult.Failed(r.OperationId, WriteFailureKind.Unknown, UnknownReason));
        }
    }

    private void Count(WriteOperation operation)
    {
        switch (operation)
        {
            case CreateOperation:
                app.Calls.CountCreate();
                break;
            case UpdateOperation:
                app.Calls.CountUpdate();
                break;
            case DeleteOperation:
                app.Calls.CountDelete();
                break;
        }
    }

    private WriteResult ApplyOne(WriteOperation operation, ConnectorCapabilities capabilities) => operation switch
    {
        CreateOperation create => Create(create, capabilities),
        UpdateOperation update => Update(update, capabilities),
        DeleteOperation delete => Delete(delete, capabilities),
        _ => throw new ArgumentException($"Unknown write operation {operation.GetType().Name}.", nameof(operation)),
    };

    private WriteResult Create(CreateOperation create, ConnectorCapabilities capabilities)
    {
        if (create.Tags.Count > 0 && capabilities.TagContainer is null)
        {
            return Refuse(create, "The app has no tags.");
        }

        if (create.Unsubscribed && !capabilities.CanUnsubscribe)
        {
            return Refuse(create, "The app cannot mark contacts unsubscribed.");
        }

        if (create.Subscribe && !capabilities.CanSubscribe)
        {
            return Refuse(create, "The app cannot subscribe contacts.");
        }

        foreach (var (key, value) in create.Fields)
        {
            if (SchemaCheck.Problem(app.Schema, key, value, allowReadOnly: false) is { } problem)
            {
                return WriteResult.Failed(create.OperationId, WriteFailureKind.Rejected, problem);
            }
        }

        var tags = create.Tags.WithComparer(StringComparer.Ordinal);
        var reference = app.StoresClientReference ? create.ClientReference : null;
        // In an app that subscribes contacts, one added without asking for a subscription is transactional: it never subscribed.
        var neverSubscribed = capabilities.CanSubscribe && !create.Subscribe && !create.Unsubscribed;
        var draft = new ContactRecord(string.Empty, create.Fields) { Tags = tags, IsUnsubscribed = create.Unsubscribed, NeverSubscribed = neverSubscribed, ClientReference = reference };
        if (app.Faults.Reject?.Invoke(draft) is { } reason)
        {
            return WriteResult.Failed(create.OperationId, WriteFailureKind.Rejected, reason);
        }

        var record = app.Store.Insert(create.Fields, tags, create.Unsubscribed, reference);
        if (neverSubscribed)
        {
            record = app.Store.Replace(record with { NeverSubscribed = true });
        }

        return WriteResult.Success(create.OperationId, record);
    }

    private WriteResult Update(UpdateOperation update, ConnectorCapabilities capabilities)
    {
        if (app.Store.Get(update.RecordId) is not { } current)
        {
            return WriteResult.Failed(update.OperationId, WriteFailureKind.NotFound, "The record no longer exists.");
        }

        if (update.ExpectedVersion is not null && app.Roller.EditSlipsIn())
        {
            var edit = app.Faults.SlippedInEdit?.Invoke(current) ?? [];
            current = app.Store.Replace(InMemoryApp.WithChanges(current, edit));
        }

        if (update.ExpectedVersion is not null && update.ExpectedVersion != current.Version)
        {
            return WriteResult.Failed(update.OperationId, WriteFailureKind.StaleVersion, "The record changed since it was read.");
        }

        if ((update.AddTags.Count > 0 || update.RemoveTags.Count > 0) && capabilities.TagContainer is null)
        {
            return Refuse(update, "The app has no tags.");
        }

        if (update.Unsubscribe && !capabilities.CanUnsubscribe)
        {
            return Refuse(update, "The app cannot mark contacts unsubscribed.");
        }

        if (update.Subscribe && !capabilities.CanSubscribe)
        {
            return Refuse(update, "The app cannot subscribe contacts.");
        }

        foreach (var change in update.Changes)
        {
            if (SchemaCheck.Problem(app.Schema, change.Key, change.Value, allowReadOnly: false) is { } problem)
            {
                return WriteResult.Failed(update.OperationId, WriteFailureKind.Rejected, problem);
            }
        }

        var updated = InMemoryApp.WithChanges(current, update.Changes) with
        {
            Tags = current.Tags.Union(update.AddTags).Except(update.RemoveTags),

            // No write can re-subscribe: "subscribe" only subscribes a contact who never subscribed (and an
            // unsubscribe in the same write wins); anyone unsubscribed stays so.
            IsUnsubscribed = current.IsUnsubscribed || update.Unsubscribe,
            NeverSubscribed = current.NeverSubscribed && !update.Subscribe && !update.Unsubscribe,
        };
        if (app.Faults.Reject?.Invoke(updated) is { } reason)
        {
            return WriteResult.Failed(update.OperationId, WriteFailureKind.Rejected, reason);
        }

        return WriteResult.Success(update.OperationId, app.Store.Replace(updated));
    }

    private WriteResult Delete(DeleteOperation delete, ConnectorCapabilities capabilities)
    {
        if (!capabilities.CanDelete)
        {
            return Refuse(delete, "The app does not allow deleting contacts.");
        }

        if (app.Store.Get(delete.RecordId) is null)
        {
            return WriteResult.Failed(delete.OperationId, WriteFailureKind.NotFound, "The record no longer exists.");
        }

        app.Store.Delete(delete.RecordId);
        return WriteResult.Success(delete.OperationId, record: null);
    }

    private WriteResult Refuse(WriteOperation operation, string reason)
    {
        app.Calls.CountRefusedOperation();
        return WriteResult.Failed(operation.OperationId, WriteFailureKind.Rejected, reason);
    }
}
