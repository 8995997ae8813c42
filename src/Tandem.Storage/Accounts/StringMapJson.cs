using System.Text.Json;

namespace Tandem.Storage.Accounts;

/// <summary>The JSON shape of an account's settings and secrets: one flat object of strings.</summary>
internal static class StringMapJson
{
    public static string Serialize(IReadOnlyDictionary<string, string> map) => JsonSerializer.Serialize(map);

    public static Dictionary<string, string> Deserialize(string json) =>
        new(JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [], StringComparer.Ordinal);
}
