namespace Tandem.Connectors.Contract;

/// <summary>One write in a batch. <see cref="OperationId"/> ties the result back to the engine's journal entry.</summary>
public abstract record WriteOperation(string OperationId);
