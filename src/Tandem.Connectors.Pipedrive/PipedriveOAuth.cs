namespace Tandem.Connectors.Pipedrive;

/// <summary>An OAuth app (client id and secret, sent as HTTP Basic to the token URL) and the company's refresh token.</summary>
internal sealed record PipedriveOAuth(string ClientId, string ClientSecret, string RefreshToken, Uri TokenUrl)
{
    /// <summary>Keeps the secrets out of logs and exception messages.</summary>
    public override string ToString() => $"PipedriveOAuth {{ TokenUrl = {TokenUrl} }}";
}
