using Tandem.Connectors.Catalog.Settings;

namespace Tandem.Connectors.Tests.Catalog.Settings;

/// <summary>A settings class with a setting of a type the binder does not read.</summary>
internal sealed class NumberSettings
{
    [Setting("pageSize", "Page size")]
    public int PageSize { get; init; }
}
