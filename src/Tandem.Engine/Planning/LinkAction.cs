namespace Tandem.Engine.Planning;

/// <summary>What happens to an item's link once its writes are done.</summary>
public enum LinkAction
{
    /// <summary>No link: the record stays unlinked (excluded, or nothing to do).</summary>
    None,

    /// <summary>Keep the link and store its new baseline.</summary>
    Save,

    /// <summary>Bind the record to the one the planned create makes (a new link, or the deleted side of an existing one).</summary>
    BindCreated,

    /// <summary>Forget the link (deleted on both sides, or deleted in a list-style target).</summary>
    Drop,

    /// <summary>Keep the link, remembering that one side's record was deleted and that this was handled.</summary>
    MarkDeleted,
}
