namespace Tandem.Domain.Configuration;

/// <summary>What a connection is doing, as the dashboard shows it (PRODUCT.md §6).</summary>
public enum ConnectionState
{
    /// <summary>The first scan (or a rescan) is reading the apps.</summary>
    Scanning,

    /// <summary>Changes are being written.</summary>
    Syncing,

    /// <summary>In sync and listening for changes.</summary>
    Active,

    /// <summary>Paused by the user.</summary>
    Paused,

    /// <summary>Stopped until a person acts: authorisation failed, or the deletion guard tripped.</summary>
    NeedsAttention,
}
