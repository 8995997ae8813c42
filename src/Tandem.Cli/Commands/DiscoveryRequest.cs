using Tandem.Connectors.Catalog;

namespace Tandem.Cli.Commands;

/// <summary>What <c>tandem discover</c> was asked: the app, how to reach the account, and which collection to write out.</summary>
internal sealed record DiscoveryRequest(
    string App,
    ICollectionDiscovery Discovery,
    string? Address,
    string? UserName,
    string? PasswordVariable,
    IReadOnlyList<string> Settings,
    string? Pick)
{
    /// <summary>What the app calls the secret setting ("Password", "API key"), as the form labels it.</summary>
    public string SecretLabel { get; init; } = "Password";

    /// <summary>The label inside a sentence: "password", but "API key" keeps its capitals.</summary>
    public string SecretLabelInSentence => SecretLabel.Length > 1 && char.IsUpper(SecretLabel[1]) ? SecretLabel : char.ToLowerInvariant(SecretLabel[0]) + SecretLabel[1..];
}
