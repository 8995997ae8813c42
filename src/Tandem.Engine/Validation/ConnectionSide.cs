using Tandem.Connectors.Contract;
using Tandem.Domain.Fields;

namespace Tandem.Engine.Validation;

/// <summary>One side of a connection as the validator sees it: the app's name, what it can do, and the account's fields.</summary>
/// <param name="AppName">The name users see ("Google Contacts"); every message names the app by it.</param>
/// <param name="Capabilities">What the app can do (filters, actions, tags, read-only).</param>
/// <param name="Schema">The account's fields as read from the app (compound parts may be expanded or not).</param>
public sealed record ConnectionSide(string AppName, ConnectorCapabilities Capabilities, AppSchema Schema)
{
    /// <summary>The account's default phone region ("BE"), for phone values in rules and mappings; null when it has none.</summary>
    public string? DefaultRegion { get; init; }
}
