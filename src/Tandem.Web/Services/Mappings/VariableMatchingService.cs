using Tandem.Domain.Configuration;
using Tandem.Domain.Mapping;
using Tandem.Web.Identity;
using Tandem.Web.Services.Catalog;
using Tandem.Web.Services.Connections;
using Tandem.Web.Services.Errors;
using Tandem.Web.Services.Fields;

namespace Tandem.Web.Services.Mappings;

/// <summary>
/// Variable matching of one-way feeds (PRODUCT.md §5): every source field with a preview from a real contact and
/// its target field. Both schemas are read from the apps on every call, so new fields appear when the user asks again.
/// </summary>
public sealed class VariableMatchingService(FieldService fields, ConnectionService connections, AppCatalogService apps)
{
    /// <summary>The table for two accounts: the default mapping's matches, or <see cref="VariableMatchingRequest.Choices"/> once checked.</summary>
    /// <exception cref="InvalidRequestException">A two-way direction, or choices that cannot be used (every problem listed).</exception>
    public async Task<VariableMatchingTable> CheckAsync(Owner owner, VariableMatchingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        VariableMatching.SourceOf(request.Direction);
        var a = await fields.ReadAsync(owner, request.AccountA, cancellationToken);
        var b = await fields.ReadAsync(owner, request.AccountB, cancellationToken);
        var mappings = request.Choices is null
            ? DefaultMappings.For(a.Schema, b.Schema)
            : VariableMatching.ToMappings(a, b, request.Direction, request.Choices);
        return Table(a, b, request.Direction, mappings);
    }

    /// <summary>The table of a one-way connection, from its saved mappings (the default mapping when it has none).</summary>
    public async Task<VariableMatchingTable> GetAsync(Owner owner, string connectionId, CancellationToken cancellationToken)
    {
        var connection = await connections.GetStoredAsync(owner, connectionId, cancellationToken);
        VariableMatching.SourceOf(connection.Settings.Direction);
        var a = await fields.ReadAsync(owner, connection.AccountAId, cancellationToken);
        var b = await fields.ReadAsync(owner, connection.AccountBId, cancellationToken);
        var mappings = connection.Settings.Mappings.Count == 0 ? DefaultMappings.For(a.Schema, b.Schema) : connection.Settings.Mappings;
        return Table(a, b, connection.Settings.Direction, mappings);
    }

    /// <summary>Replaces a one-way connection's mappings with <paramref name="save"/>'s matches; nothing is saved when any is refused.</summary>
    /// <exception cref="InvalidRequestException">A two-way connection, or matches that cannot be used (every problem listed).</exception>
    public async Task<VariableMatchingTable> SaveAsync(Owner owner, string connectionId, VariableMatchingSave save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(save);
        var connection = await connections.GetStoredAsync(owner, connectionId, cancellationToken);
        var settings = connection.Settings;
        VariableMatching.SourceOf(settings.Direction);
        var a = await fields.ReadAsync(owner, connection.AccountAId, cancellationToken);
        var b = await fields.ReadAsync(owner, connection.AccountBId, cancellationToken);
        var mappings = VariableMatching.ToMappings(a, b, settings.Direction, save.Choices);
        await connections.UpdateAsync(
            owner,
            connectionId,
            new ConnectionDraft(connection.Name, connection.AccountAId, connection.AccountBId)
            {
                ContactType = settings.ContactType,
                Direction = settings.Direction,
                WinningSide = settings.WinningSide,
                RulesA = settings.RulesA,
                RulesB = settings.RulesB,
                Mappings = mappings,
                Options = settings.Options,
            },
            cancellationToken);
        return Table(a, b, settings.Direction, mappings);
    }

    /// <summary>The table for schemas already read (the wizard holds them).</summary>
    public VariableMatchingTable Table(AccountSchema a, AccountSchema b, SyncDirection direction, IReadOnlyList<FieldMapping> mappings)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return VariableMatching.Table(a, b, direction, mappings, apps.DisplayName(a.Account.App), apps.DisplayName(b.Account.App));
    }
}
