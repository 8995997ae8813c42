using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox;

/// <summary>A simulated app: it answers every request sent to its host, on the vendor's own paths.</summary>
public interface ISandboxApp
{
    /// <summary>The app key ("google-contacts"), as the connector catalogue names it.</summary>
    string App { get; }

    /// <summary>Answers one request (a terminal middleware: the app owns its whole URL space).</summary>
    Task HandleAsync(HttpContext context);
}
