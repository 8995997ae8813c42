using Tandem.Connectors.Http;

namespace Tandem.Connectors.Pipedrive.Internal;

/// <summary>Pipedrive answered with its error envelope; <see cref="PipedriveMessage"/> is about the request, never contact data.</summary>
internal sealed class PipedriveApiException : ApiErrorException
{
    public PipedriveApiException(int code, string pipedriveMessage)
        : base(code, $"Pipedrive answered {code}.", pipedriveMessage)
    {
        PipedriveMessage = pipedriveMessage;
    }

    public PipedriveApiException()
        : this(0, string.Empty)
    {
    }

    public PipedriveApiException(string message)
        : base(message)
    {
        PipedriveMessage = message;
    }

    public PipedriveApiException(string message, Exception inner)
        : base(message, inner)
    {
        PipedriveMessage = message;
    }

    public int Code => Status;

    public string PipedriveMessage { get; } = string.Empty;
}
