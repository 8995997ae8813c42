namespace Tandem.Sandbox.Kit.Webhooks;

/// <summary>
/// A vendor's webhook delivery rules: how long a subscriber has to answer, the waits before each retry of a failed
/// delivery (measured from the failure, on the sandbox's clock), and whether 410 Gone disables the subscription.
/// </summary>
/// <param name="RetryDelays">One wait per retry; the delivery is given up after the last.</param>
/// <param name="AttemptTimeout">An answer later than this is a failure with no status.</param>
/// <param name="GoneDisables">410 Gone disables the subscription at once: no retry, nothing more posted (Mailchimp).</param>
internal sealed record WebhookSchedule(IReadOnlyList<TimeSpan> RetryDelays, TimeSpan AttemptTimeout, bool GoneDisables);
