namespace Tandem.Connectors.InMemory;

/// <summary>How a write call whose response is lost (see <see cref="InMemoryFaults.LoseNextResponses"/>) looks to the caller.</summary>
public enum LostResponseStyle
{
    /// <summary>The call throws <see cref="InMemoryFaults.LostResponseException"/> (a timeout) after the writes were applied.</summary>
    Throw,

    /// <summary>The call returns, but every operation's result is <see cref="Contract.WriteFailureKind.Unknown"/> although it was applied.</summary>
    Unknown,
}
