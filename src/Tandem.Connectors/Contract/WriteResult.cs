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

    public bool Succeeded => Failure is null;

    public static WriteResult Success(string operationId, ContactRecord? record) => new(operationId) { Record = record };

    public static WriteResult Failed(string operationId, WriteFailureKind failure, string reason) =>
        new(operationId) { Failure = failure, Reason = reason };
}
