using Tandem.Connectors.Catalog.Settings;

namespace Tandem.Connectors.Tests.Catalog.Settings;

/// <summary>A settings class that declares one key on two properties: a programming error.</summary>
internal sealed class TwiceDeclaredSettings
{
    [Setting("token", "Token")]
    public string? Token { get; init; }

    [Setting("token", "Other token")]
    public string? OtherToken { get; init; }
}
