using Tandem.Domain.Contacts;

namespace Tandem.Connectors.Contract;

/// <summary>The result of one write: the record as the app now holds it, or why it failed.</summary>
public sealed record WriteResult(string OperationId)
{
    /// <summary>The record after the write (with its new id and version). Null when the write failed or was a delete.</summary>
    public ContactRecord? Record { get; init; }

    public WriteFailureKind? Failure { get; init; }

    /// <summary>The app's reason for a failure, in words a user understands; never secrets.</summary>
    public string? Reason { get; init; }

    /// <summary>
    /// For an <see cref="WriteFailureKind.Unknown"/> write the app accepted but settles later (an asynchronous request):
    /// what the app calls it. The engine keeps it with the journalled write and hands it to
    /// <see cref="IContactConnector.FindCreatedAsync"/> in place of the client reference, so the create is settled from
    /// the app's own answer, never sent again.
    /// </summary>
    public string? PendingReference { get; init; }

    public bool Succeeded => Failure is null;

    public static WriteResult Success(string operationId, ContactRecord? record) => new(operationId) { Record = record };

    /// <summary>The app accepted the write and settles it later; until then its outcome is unknown.</summary>
    public static WriteResult Pending(string operationId, string pendingReference, string reason) =>
        new(operationId) { Failure = WriteFailureKind.Unknown, Reason = reason, PendingReference = pendingReference };

    public static WriteResult Failed(string operationId, WriteFailureKind failure, string reason) =>
        new(operationId) { Failure = failure, Reason = reason };
}
