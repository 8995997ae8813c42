using Tandem.Connectors.Contract;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.InMemory;

/// <summary>How an <see cref="InMemoryApp"/> starts out.</summary>
public sealed record InMemoryAppOptions
{
    /// <summary>The app's name, used in messages and as its key in an <see cref="InMemoryAppRegistry"/>.</summary>
    public string Name { get; init; } = "in-memory";

    /// <summary>The schema; null: <see cref="InMemorySchemaBuilder.Crm"/>.</summary>
    public AppSchema? Schema { get; init; }

    /// <summary>The capabilities; null: <see cref="InMemoryCapabilities.Crm"/>.</summary>
    public ConnectorCapabilities? Capabilities { get; init; }

    /// <summary>
    /// The types a connector may create a custom field of; empty makes an app that cannot create fields.
    /// By default the simple types a real CRM lets an API add.
    /// </summary>
    public IReadOnlyList<FieldType> CreatableFieldTypes { get; init; } =
        [FieldType.Text, FieldType.Number, FieldType.Boolean, FieldType.Date, FieldType.DateTime, FieldType.SingleChoice, FieldType.MultipleChoice];

    /// <summary>Seeds the random source of fault rates (ignored when <see cref="Random"/> is given).</summary>
    public int Seed { get; init; }

    /// <summary>The random source of fault rates; only used under the app's lock.</summary>
    public Random? Random { get; init; }

    /// <summary>Record ids are this prefix and a creation number ("c1", "c2", …); give two apps different prefixes to catch mixed-up ids.</summary>
    public string IdPrefix { get; init; } = "c";

    /// <summary>
    /// True: creates store their client reference, and <c>FindCreatedAsync</c> finds records by it.
    /// False: the app has nowhere to keep it, so lost creates can only be found by email.
    /// </summary>
    public bool StoresClientReference { get; init; } = true;

    /// <summary>
    /// True: the change feed names changed records by id and version only (as CardDAV's <c>sync-collection</c>
    /// does), in <see cref="ChangePage.ChangedVersions"/>; the engine reads their contents with <c>GetAsync</c>.
    /// </summary>
    public bool FeedNamesVersionsOnly { get; init; }
}
