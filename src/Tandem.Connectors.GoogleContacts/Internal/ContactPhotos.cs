using Microsoft.Extensions.Logging;
using Tandem.Connectors.Contract;
using Tandem.Domain.Fields;
using System.Text.Json.Nodes;

namespace Tandem.Connectors.GoogleContacts.Internal;

/// <summary>
/// A photo is not a field of updateContact: after a contact's other fields are written, its photo goes through
/// people.updateContactPhoto (or deleteContactPhoto). Google re-encodes what it is sent, so the write's result is the
/// person Google answers with, read with the bytes it now serves: the engine's baseline for this side then holds
/// Google's copy, and only a later real change of the photo in Google is seen as one (never the re-encoding).
/// A link or a photo too large to carry is not uploaded.
/// </summary>
internal sealed class ContactPhotos
{
    private readonly PeopleClient client;
    private readonly PersonReader reader;
    private readonly ILogger logger;

    public ContactPhotos(PeopleClient client, PersonReader reader, ILogger logger)
    {
        this.client = client;
        this.reader = reader;
        this.logger = logger;
    }

    public async Task ApplyAsync(IReadOnlyList<WriteOperation> operations, GroupDirectory groups, Dictionary<string, WriteResult> results, CancellationToken cancellationToken)
    {
        foreach (var operation in operations)
        {
            var (hasPhoto, photo) = PhotoOf(operation);
            if (!hasPhoto || results[operation.OperationId] is not { Succeeded: true, Record: { } record })
            {
                continue;
            }

            results[operation.OperationId] = await WriteAsync(operation, record, photo, groups, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<WriteResult> WriteAsync(WriteOperation operation, Domain.Contacts.ContactRecord record, ScalarValue? photo, GroupDirectory groups, CancellationToken cancellationToken)
    {
        JsonObject answer;
        try
        {
            if (photo is not null && Photos.TryDecode(photo.Text, out _, out var bytes))
            {
                answer = await client.UpdatePhotoAsync(record.Id, bytes, cancellationToken).ConfigureAwait(false);
            }
            else if (photo is null && record.Get(StandardFieldKeys.Photo) is not null)
            {
                answer = await client.DeletePhotoAsync(record.Id, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                return WriteResult.Success(operation.OperationId, record);
            }
        }
        catch (PeopleApiException ex) when (ex.Code == 400)
        {
            GoogleContactsLog.PhotoRefused(logger, ex.GoogleStatus);

            // A created contact stays created (reporting it failed would create it again); an update reports why.
            return operation is CreateOperation
                ? WriteResult.Success(operation.OperationId, record)
                : WriteResult.Failed(operation.OperationId, WriteFailureKind.Rejected, "Google refused the photo: " + ex.GoogleMessage);
        }

        if (answer["person"] is not JsonObject person)
        {
            return WriteResult.Success(operation.OperationId, record);
        }

        var read = await reader.ReadAsync([person], groups, cancellationToken).ConfigureAwait(false);
        return WriteResult.Success(operation.OperationId, read[0]);
    }

    private static (bool Has, ScalarValue? Photo) PhotoOf(WriteOperation operation) => operation switch
    {
        CreateOperation create when create.Fields.TryGetValue(StandardFieldKeys.Photo, out var value) => (true, value as ScalarValue),
        UpdateOperation update when update.Changes.LastOrDefault(c => c.Key == StandardFieldKeys.Photo) is { } change => (true, change.Value as ScalarValue),
        _ => (false, null),
    };
}
