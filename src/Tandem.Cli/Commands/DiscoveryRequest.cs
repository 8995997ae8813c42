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
    string? Pick);
