using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.VCardFolder.Folder;
using Tandem.Formats.VCard;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.VCardFolder;

/// <summary>
/// A folder of <c>.vcf</c> files, one card per file (the vdir layout of vdirsyncer and khard). The record id is
/// the file name; the version is a stamp of the file's metadata. See <c>README.md</c>.
/// </summary>
public sealed class VCardFolderConnector : IContactConnector
{
    /// <summary>The cursor on the last listing page. A vdir has no change feed; changes come from version listings.</summary>
    public const string ListingCursor = "vdir";

    private readonly VdirFolder folder;
    private readonly CardLoader loader;
    private readonly CardWrites writes;

    internal VCardFolderConnector(VCardFolderSettings settings, ConnectorContext context)
    {
        folder = new VdirFolder(settings.Path);
        var logger = context.LoggerFactory.CreateLogger<VCardFolderConnector>();
        loader = new CardLoader(settings.DefaultRegion, logger);
        writes = new CardWrites(folder, loader, settings.DefaultRegion, context.Time, logger);
    }

    public ConnectorCapabilities Capabilities => VCardFolderConnectorFactory.Capabilities;

    public Task<AppSchema> GetSchemaAsync(CancellationToken cancellationToken) => Task.FromResult(VCardContacts.Schema);

    public async IAsyncEnumerable<RecordPage> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var files = folder.EnumerateCards().GetEnumerator();
        var batch = NextBatch(files);
        while (true)
        {
            var records = new List<ContactRecord>(batch.Count);
            foreach (var file in batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (await loader.TryReadAsync(file, cancellationToken).ConfigureAwait(false) is { } record)
                {
                    records.Add(record);
                }
            }

            // One batch of file names is looked ahead so the last page can carry the cursor.
            var next = NextBatch(files);
            if (next.Count == 0)
            {
                yield return new RecordPage(records, ListingCursor);
                yield break;
            }

            yield return new RecordPage(records);
            batch = next;
        }
    }

    public Task<ChangePage> ReadChangesAsync(string cursor, CancellationToken cancellationToken) =>
        throw new NotSupportedException("A vCard folder has no change feed; its changes are found with ListVersionsAsync.");

    public async IAsyncEnumerable<IReadOnlyList<RecordVersion>> ListVersionsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var files = folder.EnumerateCards().GetEnumerator();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = NextBatch(files);
            if (batch.Count == 0)
            {
                yield break;
            }

            yield return batch.Select(f => new RecordVersion(f.Name, VdirFolder.Stamp(f))).ToList();
            await Task.Yield();
        }
    }

    public async Task<IReadOnlyList<ContactRecord>> GetAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        folder.EnsureExists();
        var records = new List<ContactRecord>(ids.Count);
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (folder.Find(id) is { } file && await loader.TryReadAsync(file, cancellationToken).ConfigureAwait(false) is { } record)
            {
                records.Add(record);
            }
        }

        return records;
    }

    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<WriteOperation> operations, CancellationToken cancellationToken)
    {
        folder.EnsureExists();
        var results = new List<WriteResult>(operations.Count);
        foreach (var operation in operations)
        {
            results.Add(await writes.ApplyAsync(operation, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    public Task<ContactRecord?> FindCreatedAsync(string clientReference, string? email, CancellationToken cancellationToken) =>
        writes.FindCreatedAsync(clientReference, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private List<FileInfo> NextBatch(IEnumerator<FileInfo> files)
    {
        var batch = new List<FileInfo>(Capabilities.ReadBatchSize);
        try
        {
            while (batch.Count < Capabilities.ReadBatchSize && files.MoveNext())
            {
                batch.Add(files.Current);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A listing that breaks off must fail as a whole: a partial listing would look like deletions.
            throw new ConnectorException($"Listing the vCard folder '{folder.Path}' failed: {ex.GetType().Name}.", ex);
        }

        return batch;
    }
}
