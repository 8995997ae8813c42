namespace Tandem.Sandbox;

/// <summary>
/// One request a sandbox app answered, as it went over the wire: what tests validate against the vendor's API
/// description. Bodies are the raw text (empty when there was none); <see cref="Aborted"/> is set when the app dropped
/// the connection instead of answering (a lost-response fault), and then the response is not meaningful.
/// </summary>
public sealed record SandboxExchange(
    string Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    string? RequestContentType,
    string RequestBody,
    int Status,
    string? ResponseContentType,
    string ResponseBody,
    bool Aborted);
