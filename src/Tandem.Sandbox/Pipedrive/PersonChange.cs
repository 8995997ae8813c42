using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Pipedrive;

/// <summary>A person created, changed or deleted (<c>create</c>, <c>change</c>, <c>delete</c>, the webhook actions), with its v2 shape before and after.</summary>
internal sealed record PersonChange(string Action, int PersonId, JsonObject? Current, JsonObject? Previous, DateTimeOffset At);
