using Tandem.Sandbox;

namespace Tandem.Web.Sandbox;

/// <summary>One sandbox app running beside the server, with the account values that connect to it.</summary>
/// <param name="App">The app key.</param>
/// <param name="Title">The app's name for people.</param>
/// <param name="Host">Where it runs.</param>
/// <param name="Values">The values of the app's settings form that reach the sandbox (its demo credentials: public, nobody's secrets).</param>
/// <param name="OAuth">The demo client of the sandbox's consent page, or null when it simulates none.</param>
public sealed record HostedSandbox(string App, string Title, SandboxHost Host, IReadOnlyDictionary<string, string> Values, SandboxOAuthClient? OAuth);
