using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.Workbooks;

/// <summary>
/// Runs before the fault pipeline on every Workbooks path: refuses a request without a <c>User-Agent</c> (403
/// <c>user_agent_required</c>) and reads the query and form parameters once, so authentication can see the API key.
/// </summary>
internal sealed class ParametersFilter : IEndpointFilter
{
    private const string Key = "workbooks.parameters";

    public static WorkbooksParameters Of(HttpContext context) =>
        context.Items[Key] as WorkbooksParameters ?? throw new InvalidOperationException("The parameters filter runs first.");

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (string.IsNullOrWhiteSpace(http.Request.Headers.UserAgent))
        {
            return WorkbooksAnswers.Error(WorkbooksApiException.UserAgentRequired());
        }

        http.Items[Key] = await WorkbooksParameters.ReadAsync(http.Request).ConfigureAwait(false);
        return await next(context).ConfigureAwait(false);
    }
}
