using Tandem.Domain.Mapping;

namespace Tandem.Connectors.Contract;

/// <summary>
/// Change some fields and tags of a record. When <see cref="ExpectedVersion"/> is set and the app can
/// check it (etag, If-Match, file stamp), a record changed meanwhile fails with
/// <see cref="WriteFailureKind.StaleVersion"/> instead of being overwritten.
/// </summary>
public sealed record UpdateOperation(string OperationId, string RecordId, string? ExpectedVersion) : WriteOperation(OperationId)
{
    public IReadOnlyList<FieldChange> Changes { get; init; } = [];

    public IReadOnlyList<string> AddTags { get; init; } = [];

    public IReadOnlyList<string> RemoveTags { get; init; } = [];

    /// <summary>Mark the contact unsubscribed (only ever this way round).</summary>
    public bool Unsubscribe { get; init; }

    /// <summary>Subscribe the contact if it never subscribed (see <see cref="Tandem.Domain.Configuration.ActionKind.Subscribe"/>).</summary>
    public bool Subscribe { get; init; }

    public bool IsEmpty => Changes.Count == 0 && AddTags.Count == 0 && RemoveTags.Count == 0 && !Unsubscribe && !Subscribe;
}
