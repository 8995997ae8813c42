using Tandem.Domain.Configuration;

namespace Tandem.Engine.State;

/// <summary>
/// A write Tandem is about to make, recorded (and committed) before the call, so that a write whose
/// answer is lost — or a kill right after the call — can be settled on the next run.
/// </summary>
/// <param name="Side">The side written to.</param>
/// <param name="Kind">"create", "update" or "delete".</param>
/// <param name="RecordId">The record updated or deleted (null for a create).</param>
/// <param name="ClientReference">For a create: the reference given to the app, to find the record again.</param>
/// <param name="EmailKey">For a create: the email to find the record by when the app keeps no reference.</param>
/// <param name="SourceRecordId">For a create: the record on the other side it mirrors.</param>
public sealed record JournalIntent(Side Side, string Kind, string? RecordId, string? ClientReference, string? EmailKey, string? SourceRecordId);
