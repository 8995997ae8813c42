namespace Tandem.Connectors.Wooxy.Internal;

/// <summary>
/// What a write Wooxy accepted but has not processed is called, so a later run can ask about it:
/// <c>wooxy-request:&lt;request id&gt;:&lt;record id&gt;</c>.
/// </summary>
internal static class PendingReference
{
    private const string Prefix = "wooxy-request:";

    public static string For(string requestId, string recordId) => Prefix + requestId + ":" + recordId;

    public static (string RequestId, string RecordId)? Parse(string reference)
    {
        if (!reference.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = reference[Prefix.Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? null : (rest[..colon], rest[(colon + 1)..]);
    }
}
