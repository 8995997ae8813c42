namespace Tandem.Sandbox.Kit.Faults;

/// <summary>
/// Endpoint metadata for a POST that only reads (HubSpot's search and batch read): the fault pipeline's lost-answer switch
/// is for writes, so it passes these by as it passes GETs.
/// </summary>
internal sealed class ReadOnlyEndpoint
{
    public static ReadOnlyEndpoint Instance { get; } = new();

    private ReadOnlyEndpoint()
    {
    }
}
