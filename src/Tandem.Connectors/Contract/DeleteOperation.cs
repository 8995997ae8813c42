namespace Tandem.Connectors.Contract;

/// <summary>Delete a record: only for list-style targets of one-way feeds, and only when the user turned it on.</summary>
public sealed record DeleteOperation(string OperationId, string RecordId) : WriteOperation(OperationId);
