using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tandem.Web.Sandbox;

namespace Tandem.Web.BrowserTests.Harness;

/// <summary>A sandbox's fault switches, thrown as a person trying the faults would: <c>POST /_sandbox/faults</c> on the app's own address.</summary>
public static class SandboxFaultSwitches
{
    public static async Task ApplyAsync(HostedSandbox sandbox, JsonObject switches, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        using var http = new HttpClient();
        using var response = await http.PostAsJsonAsync(new Uri(sandbox.Host.BaseUri, "/_sandbox/faults"), switches, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
