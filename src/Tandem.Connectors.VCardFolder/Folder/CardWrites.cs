using Microsoft.Extensions.Logging;
using Tandem.Connectors.Contract;
using Tandem.Formats.VCard;
using Tandem.Formats.VCard.Cards;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Connectors.VCardFolder.Folder;

/// <summary>Creates, updates and deletes card files; one operation's failure never affects another.</summary>
internal sealed class CardWrites
{
    private const string ProductId = "-//Tandem//vCard folder connector//EN";

    private readonly VdirFolder folder;
    private readonly CardLoader loader;
    private readonly string? defaultRegion;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    public CardWrites(VdirFolder folder, CardLoader loader, string? defaultRegion, TimeProvider time, ILogger logger)
    {
        this.folder = folder;
        this.loader = loader;
        this.defaultRegion = defaultRegion;
        this.time = time;
        this.logger = logger;
    }

    public async Task<WriteResult> ApplyAsync(WriteOperation operation, CancellationToken cancellationToken)
    {
        try
        {
            return operation switch
            {
                CreateOperation create => await CreateAsync(create, cancellationToken).ConfigureAwait(false),
                UpdateOperation update => await UpdateAsync(update, cancellationToken).ConfigureAwait(false),
                DeleteOperation delete => Delete(delete),
                _ => WriteResult.Failed(operation.OperationId, WriteFailureKind.Rejected, $"A vCard folder cannot apply a {operation.GetType().Name}."),
            };
        }
        catch (UnauthorizedAccessException ex)
        {
            VCardFolderLog.WriteFailed(logger, Target(operation), ex.GetType().Name);
            return WriteResult.Failed(operation.OperationId, WriteFailureKind.Rejected, "Tandem has no permission to write in the vCard folder.");
        }
        catch (IOException ex)
        {
            VCardFolderLog.WriteFailed(logger, Target(operation), ex.GetType().Name);
            return WriteResult.Failed(operation.OperationId, WriteFailureKind.Unknown, $"Writing the card file failed ({ex.GetType().Name}).");
        }
    }

    public async Task<ContactRecord?> FindCreatedAsync(string clientReference, CancellationToken cancellationToken)
    {
        foreach (var name in CardFileNames.CandidatesFor(clientReference))
        {
            if (folder.Find(name) is not { } file)
            {
                break;
            }

            if (await loader.TryReadAsync(file, cancellationToken).ConfigureAwait(false) is { } record && record.ClientReference == clientReference)
            {
                return record;
            }
        }

        // The card may have been renamed by another client: fall back to scanning for its UID.
        foreach (var file in folder.EnumerateCards())
        {
            if (await loader.TryReadAsync(file, cancellationToken).ConfigureAwait(false) is { } record
                && record.ClientReference == clientReference)
            {
                return record;
            }
        }

        return null;
    }

    private async Task<WriteResult> CreateAsync(CreateOperation create, CancellationToken cancellationToken)
    {
        var changes = VCardContacts.AsChanges(create.Fields);
        if (VCardContacts.Validate(changes) is { } reason)
        {
            return WriteResult.Failed(create.OperationId, WriteFailureKind.Rejected, reason);
        }

        foreach (var name in CardFileNames.CandidatesFor(create.ClientReference))
        {
            if (folder.Find(name) is { } existing)
            {
                // The same create ran before and its answer was lost: converge that card instead of adding a twin.
                var loaded = await CardLoader.LoadAsync(existing, cancellationToken).ConfigureAwait(false);
                if (loaded is not null && loader.ToRecord(loaded).ClientReference == create.ClientReference)
                {
                    return await SaveAsync(create.OperationId, loaded, changes, create.Tags, [], cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            var card = VCardContacts.NewCard("4.0", create.ClientReference, ProductId);
            VCardContacts.Apply(card, changes, create.Tags, [], defaultRegion);
            SetRevision(card);
            var content = VCardWriter.Write(card);
            try
            {
                var file = await folder.WriteAtomicallyAsync(name, content, overwrite: false, cancellationToken).ConfigureAwait(false);
                return Written(create.OperationId, content, file);
            }
            catch (IOException) when (File.Exists(Path.Combine(folder.Path, name)))
            {
                // Another writer took the name between the check and the rename: try the next name.
            }
        }

        return WriteResult.Failed(create.OperationId, WriteFailureKind.Rejected, "No free file name is left for this client reference.");
    }

    private async Task<WriteResult> UpdateAsync(UpdateOperation update, CancellationToken cancellationToken)
    {
        if (VCardContacts.Validate(update.Changes) is { } reason)
        {
            return WriteResult.Failed(update.OperationId, WriteFailureKind.Rejected, reason);
        }

        LoadedCard? loaded;
        try
        {
            loaded = folder.Find(update.RecordId) is { } file ? await CardLoader.LoadAsync(file, cancellationToken).ConfigureAwait(false) : null;
        }
        catch (VCardParseException ex)
        {
            return WriteResult.Failed(update.OperationId, WriteFailureKind.Rejected, "The card file is not a valid vCard: " + ex.Message);
        }

        if (loaded is null)
        {
            return WriteResult.Failed(update.OperationId, WriteFailureKind.NotFound, $"The card file '{update.RecordId}' no longer exists.");
        }

        if (update.ExpectedVersion is not null && update.ExpectedVersion != loaded.Stamp)
        {
            return Stale(update.OperationId, update.RecordId);
        }

        return await SaveAsync(update.OperationId, loaded, update.Changes, update.AddTags, update.RemoveTags, cancellationToken).ConfigureAwait(false);
    }

    private async Task<WriteResult> SaveAsync(
        string operationId,
        LoadedCard loaded,
        IReadOnlyList<FieldChange> changes,
        IEnumerable<string> addTags,
        IEnumerable<string> removeTags,
        CancellationToken cancellationToken)
    {
        var card = loaded.Card;
        if (!VCardContacts.Apply(card, changes, addTags, removeTags, defaultRegion))
        {
            // Nothing Tandem owns changed: write nothing, so a sync in quiescence stays free of writes.
            return WriteResult.Success(operationId, loader.ToRecord(loaded));
        }

        SetRevision(card);
        var content = VCardWriter.Write(card);
        var current = new FileInfo(loaded.File.FullName);
        if (!current.Exists || VdirFolder.Stamp(current) != loaded.Stamp)
        {
            // Someone else wrote the file while Tandem was preparing its change.
            return Stale(operationId, loaded.File.Name);
        }

        var written = await folder.WriteAtomicallyAsync(loaded.File.Name, content, overwrite: true, cancellationToken).ConfigureAwait(false);
        return Written(operationId, content, written);
    }

    private WriteResult Delete(DeleteOperation delete)
    {
        // Deleting a card that is already gone has the effect asked for, so a retried delete succeeds.
        if (folder.Find(delete.RecordId) is { } file)
        {
            file.Delete();
        }

        return WriteResult.Success(delete.OperationId, null);
    }

    /// <summary>The record as written: rebuilt from the content just written, with the new file's stamp.</summary>
    private WriteResult Written(string operationId, string content, FileInfo file) =>
        WriteResult.Success(operationId, loader.ToRecord(VCardReader.Parse(content, file.Name), file.Name, VdirFolder.Stamp(file)));

    private void SetRevision(VCardCard card) => VCardContacts.SetRevision(card, time.GetUtcNow());

    private static WriteResult Stale(string operationId, string recordId) =>
        WriteResult.Failed(operationId, WriteFailureKind.StaleVersion, $"The card file '{recordId}' changed since Tandem read it.");

    private static string Target(WriteOperation operation) => operation switch
    {
        UpdateOperation update => update.RecordId,
        DeleteOperation delete => delete.RecordId,
        CreateOperation create => CardFileNames.StemFor(create.ClientReference) + CardFileNames.Extension,
        _ => string.Empty,
    };
}
