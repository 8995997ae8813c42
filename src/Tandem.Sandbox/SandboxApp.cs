namespace Tandem.Sandbox;

/// <summary>
/// One app <c>tandem sandbox</c> can start: how to make it, and the settings a user connects to it with (the keys
/// of the app's connector settings, so they can be pasted into a set-up file). The values are the sandbox's own demo
/// credentials, not anybody's secrets.
/// </summary>
/// <param name="App">The app key ("pipedrive").</param>
/// <param name="Title">The app's name for people ("Pipedrive").</param>
/// <param name="Create">Makes a fresh, seeded instance.</param>
/// <param name="Settings">The settings to connect with, given the instance and its base URL.</param>
public sealed record SandboxApp(string App, string Title, Func<ISandboxApp> Create, Func<ISandboxApp, Uri, IReadOnlyList<KeyValuePair<string, string>>> Settings);
