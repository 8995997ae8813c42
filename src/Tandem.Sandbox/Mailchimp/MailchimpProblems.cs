using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tandem.Sandbox.Kit.Routing;

namespace Tandem.Sandbox.Mailchimp;

/// <summary>Mailchimp's errors as problem documents (<c>application/problem+json</c>), each with its own <c>instance</c> id.</summary>
internal sealed class MailchimpProblems(int seed)
{
    private long instances;

    public IResult Answer(MailchimpApiException error)
    {
        var problem = new JsonObject
        {
            ["type"] = "https://mailchimp.com/developer/marketing/docs/errors/",
            ["title"] = error.Title,
            ["status"] = error.Status,
            ["detail"] = error.Message,
            ["instance"] = new Guid((int)Interlocked.Increment(ref instances), 0, 0, (byte)(seed & 0xff), 0, 0, 0, 0, 0, 0, 0).ToString(),
        };
        if (error.Errors is not null)
        {
            problem["errors"] = error.Errors;
        }

        return new JsonAnswer(error.Status, problem, "application/problem+json; charset=utf-8");
    }
}
