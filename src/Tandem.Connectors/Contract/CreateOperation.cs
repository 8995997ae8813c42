using System.Collections.Immutable;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Contract;

/// <summary>
/// Create a record. <see cref="ClientReference"/> is a unique reference Tandem recorded before the
/// call; a connector that can store it (a vCard UID, an external id) does, so a create whose answer
/// was lost can be found again by <see cref="IContactConnector.FindCreatedAsync"/>.
/// </summary>
public sealed record CreateOperation(
    string OperationId,
    string ClientReference,
    ImmutableDictionary<string, FieldValue> Fields,
    ImmutableSortedSet<string> Tags) : WriteOperation(OperationId)
{
    public bool Unsubscribed { get; init; }

    /// <summary>Create the contact subscribed, whatever the account's default status for new contacts.</summary>
    public bool Subscribe { get; init; }
}
