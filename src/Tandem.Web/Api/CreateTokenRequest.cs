namespace Tandem.Web.Api;

/// <summary>A token to make, named after what will use it.</summary>
public sealed record CreateTokenRequest(string? Name);
