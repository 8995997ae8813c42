using Tandem.Domain.Configuration;

namespace Tandem.Web.Services.Status;

/// <summary>Which lines of the activity log to show (all of them when every part is empty).</summary>
/// <param name="Kind">Only lines of this kind ("failed", "conflict", "created"…), or null.</param>
/// <param name="Search">Lines that name this text (a contact's name) or are about a contact with this email, or null.</param>
/// <param name="Side">With <paramref name="RecordId"/>: one contact's history, or null.</param>
/// <param name="RecordId">The contact's id in its app, or null.</param>
public sealed record ActivityFilter(string? Kind = null, string? Search = null, Side? Side = null, string? RecordId = null)
{
    public static ActivityFilter None { get; } = new();
}
