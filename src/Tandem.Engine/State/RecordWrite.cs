using Tandem.Domain.Configuration;

namespace Tandem.Engine.State;

/// <summary>
/// Sets a stored record's dirty state; with <see cref="Staged"/>, also its content (the record as the
/// app holds it after Tandem's write, so the write's echo in the change feed is recognised).
/// With <see cref="Deleted"/>, the record is known to be gone.
/// </summary>
public sealed record RecordWrite(Side Side, string Id, DirtyState Dirty, StagedRecord? Staged = null, bool Deleted = false);
