namespace Tandem.Web.Api;

/// <summary>A new name.</summary>
public sealed record RenameRequest(string? Name);
