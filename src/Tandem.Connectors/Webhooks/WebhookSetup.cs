namespace Tandem.Connectors.Webhooks;

/// <summary>What to enter in an app so that it sends its changes to a connection (or what Tandem registers through its API).</summary>
/// <param name="Url">The URL to call (where the app cannot authenticate, it carries the secret).</param>
/// <param name="Username">The HTTP basic-auth user name, where the app verifies that way.</param>
/// <param name="Password">The HTTP basic-auth password, where the app verifies that way.</param>
/// <param name="Instructions">Where to enter it in the app, in the app's own menu words.</param>
public sealed record WebhookSetup(Uri Url, string? Username, string? Password, string Instructions);
