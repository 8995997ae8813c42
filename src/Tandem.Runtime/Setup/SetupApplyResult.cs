namespace Tandem.Runtime.Setup;

/// <summary>What applying a set-up file did, item by item, in file order.</summary>
public sealed record SetupApplyResult(IReadOnlyList<SetupItemResult> Accounts, IReadOnlyList<SetupItemResult> Connections);
