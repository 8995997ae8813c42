namespace Tandem.Sandbox.Kit.Faults;

/// <summary>Whether a request may go on, and the headers the vendor adds to every answer (such as Pipedrive's <c>x-ratelimit-*</c>).</summary>
internal sealed record QuotaVerdict(bool Allowed, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public static QuotaVerdict Refused { get; } = new(false, []);

    public static QuotaVerdict Granted { get; } = new(true, []);
}
