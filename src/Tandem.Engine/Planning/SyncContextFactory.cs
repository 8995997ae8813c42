using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using Tandem.Domain.Rules;
using Tandem.Engine.Matching;

namespace Tandem.Engine.Planning;

/// <summary>Builds a run's <see cref="SyncContext"/>: takes both schemas (from the request's <see cref="SchemaCache"/> when it has one) and compiles the mapping and rules against them.</summary>
public static class SyncContextFactory
{
    public static async Task<SyncContext> CreateAsync(SyncRequest request, RunReport report, CancellationToken cancellationToken)
    {
        var schemaA = SchemaExpansion.Expand(await SchemaAsync(request, request.AccountA, request.ConnectorA, cancellationToken));
        var schemaB = SchemaExpansion.Expand(await SchemaAsync(request, request.AccountB, request.ConnectorB, cancellationToken));
        var settings = request.Settings;
        var mappings = settings.Mappings.Count > 0 ? settings.Mappings : DefaultMappings.For(schemaA, schemaB);
        var compilation = MappingCompiler.Compile(mappings, schemaA, schemaB, reservedTags: TagsField.Reserved(settings));
        report.Warnings.AddRange(compilation.Refused.Select(r => $"Mapping {Validation.FieldWords.Label(schemaA, r.Mapping.AField)} ↔ {Validation.FieldWords.Label(schemaB, r.Mapping.BField)} left out: {r.Reason}"));
        if (!compilation.IsUsable)
        {
            throw new SyncConfigurationException("The field mappings cannot be used: " + string.Join(" ", compilation.Problems));
        }

        SettingsRuleMatcher rules;
        try
        {
            rules = new SettingsRuleMatcher(settings, schemaA, schemaB);
        }
        catch (RuleValidationException ex)
        {
            throw new SyncConfigurationException("The rules cannot be used: " + string.Join(" ", ex.Errors.Select(e => e.Message)), ex);
        }

        return new SyncContext(settings, compilation.Mapping, schemaA, schemaB, request.ConnectorA.Capabilities, request.ConnectorB.Capabilities, rules)
        {
            NameA = request.NameA,
            NameB = request.NameB,
            MatchKeysA = MatchKeyReader.For(settings, Side.A, schemaA, compilation.Mapping.EmailFieldA, request.NameA),
            MatchKeysB = MatchKeyReader.For(settings, Side.B, schemaB, compilation.Mapping.EmailFieldB, request.NameB),
        };
    }

    private static Task<AppSchema> SchemaAsync(SyncRequest request, string? account, Connectors.Contract.IContactConnector connector, CancellationToken cancellationToken) =>
        request.Schemas is { } cache && account is not null
            ? cache.GetAsync(account, connector, cancellationToken)
            : connector.GetSchemaAsync(cancellationToken);
}
