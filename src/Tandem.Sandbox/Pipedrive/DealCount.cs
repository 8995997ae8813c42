namespace Tandem.Sandbox.Pipedrive;

/// <summary>
/// The deal counts a person holds, read-only properties answered only when <c>include_fields</c> names them
/// (openapi-v2.yaml, <c>GET /persons</c> and <c>GET /persons/{id}</c>).
/// </summary>
internal static class DealCount
{
    public const string Open = "open_deals_count";
    public const string Closed = "closed_deals_count";
    public const string Won = "won_deals_count";
    public const string Lost = "lost_deals_count";

    public static readonly string[] All = [Open, Closed, Won, Lost];
}
