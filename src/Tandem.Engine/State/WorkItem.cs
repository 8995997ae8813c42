namespace Tandem.Engine.State;

/// <summary>
/// One unit of planning: a changed record, with its link and the record on the other side when it has
/// one. <see cref="A"/> and <see cref="B"/> are the records of side A and B (either may be null).
/// </summary>
public sealed record WorkItem(LinkState? Link, StoredRecord? A, StoredRecord? B);
