namespace Tandem.Connectors.Catalog;

/// <summary>The values of an account's settings form, secrets included (decrypted only in memory).</summary>
public sealed class AccountSettings
{
    private readonly IReadOnlyDictionary<string, string> values;

    public AccountSettings(IReadOnlyDictionary<string, string> values)
    {
        this.values = values;
    }

    public IReadOnlyDictionary<string, string> Values => values;

    public string? Get(string key) => values.GetValueOrDefault(key);
}
