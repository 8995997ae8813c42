using System.Text.Json;
using System.Text.Json.Nodes;
using Tandem.Cli.Commands;
using Tandem.Connectors.Catalog;

namespace Tandem.Cli.Output;

/// <summary>What <c>tandem discover</c> found, and the set-up file for the collection picked, ready to save.</summary>
internal static class DiscoveryPrinter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task PrintListAsync(TextWriter output, ICollectionDiscovery discovery, IReadOnlyList<DiscoveredCollection> found)
    {
        await output.WriteLineAsync($"{found.Count} {discovery.CollectionNoun}{(found.Count == 1 ? string.Empty : "s")}:");
        foreach (var collection in found)
        {
            var name = collection.DisplayName is { Length: > 0 } d && d != collection.Value ? $"{collection.Value} ({d})" : collection.Value;
            var details = string.Join(", ", collection.Details.Select(p => $"{p.Key} {p.Value}"));
            await output.WriteLineAsync(details.Length == 0 ? $"  {name}" : $"  {name}: {details}");
        }
    }

    /// <summary>
    /// A whole set-up file with the one account: the settings as given (the secret read from its environment variable,
    /// never printed), the collection picked, and the internal hosts named when the addresses typed are on this machine or network.
    /// </summary>
    public static async Task PrintSetupAsync(TextWriter output, DiscoveryRequest request, IReadOnlyDictionary<string, string> values, string? secretVariable, DiscoveredCollection chosen, IReadOnlyList<string> internalHosts)
    {
        var settings = new JsonObject();
        foreach (var (key, value) in values.Where(v => v.Key != request.Discovery.SecretSetting))
        {
            settings[key] = value;
        }

        settings[request.Discovery.CollectionSetting] = chosen.Value;
        foreach (var (key, value) in chosen.ExtraSettings)
        {
            settings[key] = value;
        }

        var account = new JsonObject { ["name"] = chosen.Value, ["app"] = request.App, ["settings"] = settings };
        if (request.Discovery.SecretSetting is { } secret && secretVariable is not null)
        {
            account["secrets"] = new JsonObject { [secret] = new JsonObject { ["env"] = secretVariable } };
        }

        var file = new JsonObject();
        if (internalHosts.Count > 0)
        {
            file["allowInternalHosts"] = new JsonArray([.. internalHosts.Select(h => (JsonNode)JsonValue.Create(h)!)]);
        }

        file["accounts"] = new JsonArray(account);
        await output.WriteLineAsync();
        var secretNote = secretVariable is null ? string.Empty : $"the {request.SecretLabelInSentence} is read from ${secretVariable}; ";
        await output.WriteLineAsync($"Set-up file for '{chosen.Value}' ({secretNote}add the other account and a connection, see docs/setup-file.md):");
        await output.WriteLineAsync(file.ToJsonString(Indented));
    }
}
