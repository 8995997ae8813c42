namespace Tandem.Domain.Configuration;

/// <summary>The kinds of THEN actions, run on the record on the other side.</summary>
public enum ActionKind
{
    /// <summary>Adds a tag (label, group, category).</summary>
    AddTag,
    /// <summary>Sets a field (owner, label, lead source, any field) to a value.</summary>
    SetField,
    /// <summary>Unsubscribes the contact in a marketing app.</summary>
    Unsubscribe,
    /// <summary>
    /// Subscribes the contact in a marketing app: a new contact is created subscribed, and an existing one who never
    /// subscribed (a transactional contact) is subscribed. Anyone who unsubscribed, was cleaned or awaits a
    /// confirmation stays as they are: Tandem never re-subscribes anyone.
    /// </summary>
    Subscribe,
}
