using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Wooxy;

/// <summary>One contact of a contact list: Wooxy's id, its identifiers and its other properties as the API shows them.</summary>
internal sealed class StoredContact(string id)
{
    public string Id => id;

    /// <summary>Every property but <c>variables</c> (email, phoneNumber, userId, names, channel flags, dates).</summary>
    public JsonObject Properties { get; } = [];

    /// <summary>Custom variables by name.</summary>
    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    public string? Email => Text("email");

    public string? Phone => Text("phoneNumber");

    public string? UserId => Text("userId");

    public bool IsKnownAs(string identifier) =>
        string.Equals(Email, identifier, StringComparison.OrdinalIgnoreCase) || Phone == identifier || UserId == identifier;

    public JsonObject Identity() => new() { ["id"] = Id, ["email"] = Email, ["phone"] = Phone, ["userId"] = UserId };

    private string? Text(string property) => Properties[property] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
