using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Contract;

/// <summary>
/// One authorised account of an app, as the engine sees it. Implementations stream: no method loads a
/// whole account into memory. Records are returned in canonical form (see <see cref="Values"/>).
/// </summary>
public interface IContactConnector : IAsyncDisposable
{
    ConnectorCapabilities Capabilities { get; }

    /// <summary>The account's contact fields, standard and custom, with their types.</summary>
    Task<AppSchema> GetSchemaAsync(CancellationToken cancellationToken);

    /// <summary>Every contact, page by page; the last page carries the cursor for later changes.</summary>
    IAsyncEnumerable<RecordPage> ListAllAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Changes since <paramref name="cursor"/> (for <see cref="ChangeFeedKind.Cursor"/>). Throws
    /// <see cref="CursorExpiredException"/> when the app no longer accepts the cursor.
    /// </summary>
    Task<ChangePage> ReadChangesAsync(string cursor, CancellationToken cancellationToken);

    /// <summary>Every record's id and version, page by page (for <see cref="ChangeFeedKind.VersionListing"/>).</summary>
    IAsyncEnumerable<IReadOnlyList<RecordVersion>> ListVersionsAsync(CancellationToken cancellationToken);

    /// <summary>The current records with these ids; ids that no longer exist are left out.</summary>
    Task<IReadOnlyList<ContactRecord>> GetAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a batch of at most <see cref="ConnectorCapabilities.WriteBatchSize"/> writes and returns one
    /// result per operation, in order. One operation's failure never fails the others.
    /// </summary>
    Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<WriteOperation> operations, CancellationToken cancellationToken);

    /// <summary>
    /// Finds a record created by an earlier <see cref="CreateOperation"/> whose answer was lost: by its
    /// client reference where the app stores one, else by email. Null when the create did not happen.
    /// </summary>
    Task<ContactRecord?> FindCreatedAsync(string clientReference, string? email, CancellationToken cancellationToken);
}
