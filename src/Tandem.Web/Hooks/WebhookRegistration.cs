using Tandem.Connectors.Webhooks;

namespace Tandem.Web.Hooks;

/// <summary>What to enter in an app to send its changes to a connection.</summary>
/// <param name="App">The app's key.</param>
/// <param name="Url">The URL to call (where the app cannot authenticate, it carries the secret).</param>
/// <param name="Username">The HTTP basic-auth user name, where the app verifies that way.</param>
/// <param name="Password">The HTTP basic-auth password, where the app verifies that way.</param>
/// <param name="Instructions">Where to enter it in the app.</param>
public sealed record WebhookRegistration(string App, Uri Url, string? Username, string? Password, string Instructions)
{
    /// <summary>The set-up the app's connector describes, for the app <paramref name="app"/>.</summary>
    public static WebhookRegistration Of(string app, WebhookSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new(app, setup.Url, setup.Username, setup.Password, setup.Instructions);
    }
}
