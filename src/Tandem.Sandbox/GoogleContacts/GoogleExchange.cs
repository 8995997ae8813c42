using System.Text.Json.Nodes;

namespace Tandem.Sandbox.GoogleContacts;

/// <summary>One answered API call, for observers that check the traffic (a spec validator in tests).</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Route">The path after <c>/v1/</c>.</param>
/// <param name="Request">The request body, when there was one.</param>
/// <param name="Response">The successful response body.</param>
public sealed record GoogleExchange(string Method, string Route, JsonObject? Request, JsonObject Response);
