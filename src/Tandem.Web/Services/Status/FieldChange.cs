namespace Tandem.Web.Services.Status;

/// <summary>One field an update changed, before and after, as readable text.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);
