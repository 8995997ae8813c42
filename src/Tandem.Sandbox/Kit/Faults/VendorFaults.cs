using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.Kit.Faults;

/// <summary>
/// A vendor's part of the fault pipeline: how it recognises a caller and the answers it gives when the pipeline stops a
/// request, in its own shape (headers and error body). Everything else (counting, slow, drop, storm, 5xx, lost answers)
/// is the pipeline's and the same for every vendor.
/// </summary>
internal sealed record VendorFaults
{
    /// <summary>True when the request carries credentials the vendor accepts.</summary>
    public required Func<HttpContext, bool> IsAuthorized { get; init; }

    /// <summary>The vendor's 401.</summary>
    public required Func<IResult> Unauthorized { get; init; }

    /// <summary>The vendor's 429 body (headers come from <see cref="Quota"/>).</summary>
    public required Func<IResult> TooManyRequests { get; init; }

    /// <summary>The vendor's 5xx body for a status (500, 502, 503).</summary>
    public required Func<int, IResult> ServerError { get; init; }

    /// <summary>The vendor's answer to an exception its endpoints throw (its error envelope), or null for any other exception.</summary>
    public required Func<Exception, IResult?> Error { get; init; }

    /// <summary>Simultaneous requests before the next is refused with <see cref="TooManyRequests"/> (Mailchimp: 10); 0 for no limit.</summary>
    public int MaxConcurrentRequests { get; init; }

    /// <summary>
    /// Requests that only read though they are not GET (Salesmate's searches are POSTs): a lost-answer fault, which is
    /// for writes, passes them by. Null when every non-GET request writes.
    /// </summary>
    public Func<HttpRequest, bool>? IsRead { get; init; }

    /// <summary>The vendor's request quota, taken after authentication; null when only the storm switch refuses.</summary>
    public IRequestQuota? Quota { get; init; }

    /// <summary>The vendor's daily budget of weighted requests, spent after <see cref="Quota"/>; null when it has none.</summary>
    public IRequestBudget? Budget { get; init; }
}
