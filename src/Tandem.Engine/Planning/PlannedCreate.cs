using System.Collections.Immutable;
using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;

namespace Tandem.Engine.Planning;

/// <summary>A contact to create on <see cref="Target"/>, mirroring record <see cref="SourceId"/> of the other side.</summary>
public sealed record PlannedCreate(
    Side Target,
    string SourceId,
    string? EmailKey,
    ImmutableDictionary<string, FieldValue> Fields,
    ImmutableSortedSet<string> Tags,
    bool Unsubscribed)
{
    /// <summary>Create the contact subscribed (a Subscribe action in a target that can; never with <see cref="Unsubscribed"/>).</summary>
    public bool Subscribe { get; init; }
}
