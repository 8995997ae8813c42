using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using Tandem.Engine.Matching;

namespace Tandem.Engine.Planning;

/// <summary>Everything fixed for one run of one connection: configuration, compiled mapping, both apps' shapes.</summary>
public sealed record SyncContext(
    ConnectionSettings Settings,
    CompiledMapping Mapping,
    AppSchema SchemaA,
    AppSchema SchemaB,
    ConnectorCapabilities CapabilitiesA,
    ConnectorCapabilities CapabilitiesB,
    IRuleMatcher Rules)
{
    /// <summary>How each side is named in reasons and the activity log ("Google Contacts").</summary>
    public string NameA { get; init; } = "A";

    public string NameB { get; init; } = "B";

    public string NameOf(Side side) => side == Side.A ? NameA : NameB;

    /// <summary>How side A's matching keys are read (by default: every email).</summary>
    public MatchKeyReader? MatchKeysA { get; init; }

    public MatchKeyReader? MatchKeysB { get; init; }

    public MatchKeyReader KeysOf(Side side) =>
        (side == Side.A ? MatchKeysA : MatchKeysB) ?? MatchKeyReader.EmailOnly(side == Side.A ? Mapping.EmailFieldA : Mapping.EmailFieldB);

    public AppSchema SchemaOf(Side side) => side == Side.A ? SchemaA : SchemaB;

    public ConnectorCapabilities CapabilitiesOf(Side side) => side == Side.A ? CapabilitiesA : CapabilitiesB;

    /// <summary>
    /// Source records (side, id) whose earlier create the target app has not settled yet (its asynchronous request is
    /// still pending): no second create is planned for them until it is (filled by the lost-create recovery).
    /// </summary>
    public HashSet<(Side Side, string Id)> CreatesAwaitingSettlement { get; } = [];

    /// <summary>True when contacts may flow from <paramref name="source"/> into the other side at all.</summary>
    public bool CanWriteFrom(Side source) =>
        Settings.Direction.Allows(source) && !CapabilitiesOf(source.Other()).IsReadOnly;
}
