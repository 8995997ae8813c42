namespace Tandem.Web.Services.Connections;

/// <summary>A connection whose runs fail for a passing reason and are retried by themselves.</summary>
/// <param name="Problem">What is wrong, in words ("Acme CRM is not answering (503)").</param>
/// <param name="Since">When the first failed run of the streak ended.</param>
/// <param name="NextTry">When Tandem tries again, or null when the next try is being armed.</param>
public sealed record RetryView(string Problem, DateTimeOffset Since, DateTimeOffset? NextTry);
