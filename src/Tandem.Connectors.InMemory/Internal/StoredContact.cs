using Tandem.Domain.Contacts;

namespace Tandem.Connectors.InMemory.Internal;

/// <summary>A live record with its place in the creation order and its latest change sequence.</summary>
internal sealed class StoredContact(ContactRecord record, long sequence, long creationNumber)
{
    public ContactRecord Record { get; set; } = record;

    public long Sequence { get; set; } = sequence;

    public long CreationNumber { get; } = creationNumber;
}
