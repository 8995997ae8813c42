namespace Tandem.Domain.Configuration;

/// <summary>The kinds of THEN actions, run on the record on the other side.</summary>
public enum ActionKind
{
    /// <summary>Adds a tag (label, group, category).</summary>
    AddTag,
    /// <summary>Sets a field (owner, label, lead source, any field) to a value.</summary>
    SetField,
    /// <summary>Unsubscribes the contact in a marketing app. There is no "subscribe": Tandem never re-subscribes anyone.</summary>
    Unsubscribe,
}
