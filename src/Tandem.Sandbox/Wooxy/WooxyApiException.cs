namespace Tandem.Sandbox.Wooxy;

/// <summary>A refusal in Wooxy's envelope (<c>{"result":false,"errors":["…"]}</c>) with the status the sandbox answers it with.</summary>
internal sealed class WooxyApiException(int status, string error) : Exception(error)
{
    public int Status => status;

    public static WooxyApiException BadRequest(string error) => new(400, error);

    public static WooxyApiException NotFound(string error) => new(404, error);
}
