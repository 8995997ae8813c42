namespace Tandem.Engine.State;

/// <summary>A contact's health in a connection (PRODUCT.md §1). In sync is the default and is not stored.</summary>
public enum HealthStatus
{
    InSync = 0,
    Excluded = 1,
    Failed = 2,
}
