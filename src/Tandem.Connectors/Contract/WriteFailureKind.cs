namespace Tandem.Connectors.Contract;

/// <summary>Why one write of a batch failed.</summary>
public enum WriteFailureKind
{
    /// <summary>The app refused the values (a required field missing, an invalid phone). Retried when the contact changes.</summary>
    Rejected,

    /// <summary>The record changed since it was read (stale etag): re-read and merge, never overwrite.</summary>
    StaleVersion,

    /// <summary>The record no longer exists.</summary>
    NotFound,

    /// <summary>
    /// The outcome is unknown (timeout, lost response, 5xx after retries): the write may or may not
    /// have happened. The engine keeps its intent and settles it on a later run.
    /// </summary>
    Unknown,
}
