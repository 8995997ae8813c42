namespace Tandem.Engine.Applying;

/// <summary>The kinds of journalled writes.</summary>
public enum JournalIntentKind
{
    Create,
    Update,
    Delete,
}
