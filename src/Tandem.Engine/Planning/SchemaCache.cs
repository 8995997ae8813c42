using System.Collections.Concurrent;
using Tandem.Connectors.Contract;
using Tandem.Domain.Fields;

namespace Tandem.Engine.Planning;

/// <summary>
/// The accounts' schemas between runs, one per account (every connection of the account shares it). A schema is read
/// again once it is older than <see cref="MaxAge"/>, or after <see cref="Forget"/>: the user asked to refresh the fields,
/// Tandem created a field, or a field-change webhook arrived. Reading a schema is not free: on Pipedrive it spends the
/// company's daily token budget, on Google it lists every contact; an idle connection runs every few minutes.
/// </summary>
public sealed class SchemaCache
{
    /// <summary>How long a schema is used before it is read again, unless forgotten sooner.</summary>
    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, (AppSchema Schema, DateTimeOffset ReadAt)> schemas = new(StringComparer.Ordinal);
    private readonly TimeProvider time;

    public SchemaCache(TimeProvider time, TimeSpan? maxAge = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        this.time = time;
        MaxAge = maxAge ?? DefaultMaxAge;
    }

    public TimeSpan MaxAge { get; }

    /// <summary>The account's schema: the one read less than <see cref="MaxAge"/> ago, else read now from <paramref name="connector"/>.</summary>
    public async Task<AppSchema> GetAsync(string account, IContactConnector connector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connector);
        var now = time.GetUtcNow();
        if (schemas.TryGetValue(account, out var held) && now - held.ReadAt < MaxAge)
        {
            return held.Schema;
        }

        var schema = await connector.GetSchemaAsync(cancellationToken);
        schemas[account] = (schema, now);
        return schema;
    }

    /// <summary>The account's schema is read again at its next use.</summary>
    public void Forget(string account) => schemas.TryRemove(account, out _);
}
