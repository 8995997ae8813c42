namespace Tandem.Connectors.Testing.Hostile;

/// <summary>How a <see cref="HostileServer"/> answers an account's listing requests.</summary>
public enum Hostility
{
    /// <summary>Honestly: one empty, final page.</summary>
    None,

    /// <summary>302 to <see cref="HostileServer.RedirectTarget"/>.</summary>
    Redirect,

    /// <summary>200 with a body of <see cref="HostileServer.HugeBodyBytes"/> bytes, streamed in chunks without a length.</summary>
    HugeBody,

    /// <summary>200 with a body that comes one byte a second and never ends.</summary>
    Trickle,

    /// <summary>A page that always says more follow.</summary>
    EndlessListing,
}
