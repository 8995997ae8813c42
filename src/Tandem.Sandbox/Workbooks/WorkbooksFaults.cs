using Microsoft.AspNetCore.Http;
using Tandem.Sandbox.Kit.Faults;

namespace Tandem.Sandbox.Workbooks;

/// <summary>
/// Workbooks' part of the fault pipeline: an API key or a session cookie, throttling as a 302 to a delaying URL (no
/// 429: Workbooks publishes none), 500 with an exception reference, and its <c>failure_reason</c> answers.
/// </summary>
internal static class WorkbooksFaults
{
    public static VendorFaults Describe(Func<HttpContext, bool> isAuthorized) => new()
    {
        IsAuthorized = isAuthorized,
        Unauthorized = () => WorkbooksAnswers.Error(WorkbooksApiException.NoSession()),
        TooManyRequests = () => new ThrottleRedirect(),
        ServerError = status => WorkbooksAnswers.Error(new WorkbooksApiException(status, "exception", "An error has occurred. Exception reference: SANDBOX-" + status)),
        Error = ex => ex is WorkbooksApiException error ? WorkbooksAnswers.Error(error) : null,
    };
}
