namespace Tandem.Sandbox.Kit.Webhooks;

/// <summary>One event for one subscription, in the vendor's own wire format; the <see cref="WebhookQueue"/> posts and retries it.</summary>
internal interface IWebhookDelivery
{
    /// <summary>Whether the subscription still wants it (still registered, not disabled); checked before every attempt.</summary>
    bool IsWanted { get; }

    /// <summary>The request of one attempt (1 for the first), in the vendor's format (Pipedrive counts <c>meta.attempt</c>).</summary>
    HttpRequestMessage CreateRequest(int attempt);

    /// <summary>The outcome of an attempt: the subscriber's status, or null when it was refused, dropped or too slow.</summary>
    void Answered(int? status);

    /// <summary>The subscriber answered 410 Gone and the vendor disables such subscriptions.</summary>
    void Disable();
}
