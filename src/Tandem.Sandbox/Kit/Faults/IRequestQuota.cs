namespace Tandem.Sandbox.Kit.Faults;

/// <summary>A vendor's rate limit on the sandbox's clock: counts a request and says whether it may go on, with the vendor's headers.</summary>
internal interface IRequestQuota
{
    /// <summary>Takes one request; <paramref name="storm"/> is the rate-limit switch refusing it whatever the count.</summary>
    QuotaVerdict Take(bool storm);
}
