using System.Text.Json.Nodes;

namespace Tandem.Connectors.Http;

/// <summary>An app's answer as a JSON object (an empty body reads as <c>{}</c>), with its status.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Body">The body.</param>
public sealed record JsonAnswer(int Status, JsonObject Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>True when the app refused the credentials (401, 403): the account needs attention.</summary>
    public bool IsAuthorizationFailure => Status is 401 or 403;
}
