using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tandem.Domain.Configuration;

/// <summary>The one JSON shape of <see cref="ConnectionSettings"/>, shared by storage, the CLI's set-up file and the API.</summary>
public static class ConnectionSettingsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static string Serialize(ConnectionSettings settings) => JsonSerializer.Serialize(settings, Options);

    /// <summary>Reads settings; throws <see cref="JsonException"/> with the path of the bad member.</summary>
    public static ConnectionSettings Deserialize(string json) =>
        JsonSerializer.Deserialize<ConnectionSettings>(json, Options) ?? throw new JsonException("The connection settings are empty.");
}
