namespace Tandem.Web.Services.Status;

/// <summary>How many activity lines of one kind fall in one time bucket (for the chart of activity over time).</summary>
public sealed record ActivityBucket(DateTimeOffset Start, string Kind, int Count);
