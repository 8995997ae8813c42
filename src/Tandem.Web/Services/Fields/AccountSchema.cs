using Tandem.Connectors.Contract;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Storage.Accounts;

namespace Tandem.Web.Services.Fields;

/// <summary>An account's schema (compound parts added) and a first page of its contacts, read from the app.</summary>
/// <param name="Account">The account (secrets included: never hand it out).</param>
/// <param name="Schema">The expanded schema.</param>
/// <param name="Sample">Contacts of the first page, for previews.</param>
public sealed record AccountSchema(StoredAccount Account, AppSchema Schema, IReadOnlyList<ContactRecord> Sample)
{
    /// <summary>What the account's connector can do (an in-memory app has its own); null where it was not read.</summary>
    public ConnectorCapabilities? Capabilities { get; init; }

    /// <summary>The types of field Tandem can create in the account's app; empty when its connector cannot create fields.</summary>
    public IReadOnlyList<FieldType> CreatableTypes { get; init; } = [];

    /// <summary>The account's default phone region, where its app has that setting.</summary>
    public string? DefaultRegion => Account.Settings.GetValueOrDefault("defaultRegion");
}
