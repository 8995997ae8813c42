namespace Tandem.Sandbox.Pipedrive;

/// <summary>An error the sandbox answers with Pipedrive's envelope: <c>{success:false, error, error_info, data:null, additional_data:null}</c>.</summary>
public sealed class PipedriveApiException : Exception
{
    public PipedriveApiException(int status, string message)
        : base(message)
    {
        Status = status;
    }

    public PipedriveApiException()
        : this(500, "Internal server error")
    {
    }

    public PipedriveApiException(string message)
        : this(400, message)
    {
    }

    public PipedriveApiException(string message, Exception inner)
        : base(message, inner)
    {
        Status = 400;
    }

    public int Status { get; }

    public static PipedriveApiException Unauthorized() => new(401, "unauthorized access");

    public static PipedriveApiException NotFound(string what) => new(404, what + " not found");

    public static PipedriveApiException Invalid(string message) => new(400, message);
}
