using Tandem.Domain.Configuration;

namespace Tandem.Web.Services.Connections;

/// <summary>A connection as its owner sees it: configuration, state and health counts (PRODUCT.md §6).</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="A">Side A's account.</param>
/// <param name="B">Side B's account.</param>
/// <param name="Settings">Direction, rules, winning side, mappings (empty: the default mapping), options.</param>
/// <param name="State">Scanning, Syncing, Active, Paused or NeedsAttention.</param>
/// <param name="Reason">Why it is in that state, or null.</param>
/// <param name="Started">False until the user starts it the first time (it waits paused, for a preview).</param>
/// <param name="Running">A run is going on right now.</param>
/// <param name="InSync">Linked pairs in sync.</param>
/// <param name="Excluded">Contacts excluded, both sides.</param>
/// <param name="Failed">Contacts that failed, both sides.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="LastRunAt">When it last ran, or null.</param>
/// <param name="LastActivityAt">When its activity log last got a line, or null.</param>
public sealed record ConnectionView(
    string Id,
    string Name,
    AccountRef A,
    AccountRef B,
    ConnectionSettings Settings,
    ConnectionState State,
    string? Reason,
    bool Started,
    bool Running,
    int InSync,
    int Excluded,
    int Failed,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? LastRunAt,
    DateTimeOffset? LastActivityAt)
{
    /// <summary>The apps in which Tandem registered this connection's webhook (with <c>Tandem:PublicUrl</c> set).</summary>
    public IReadOnlyList<string> WebhooksRegisteredIn { get; init; } = [];

    /// <summary>Why a webhook could not be registered or removed, in words, or null. The connection syncs all the same.</summary>
    public string? WebhookProblem { get; init; }

    /// <summary>How often the connection is polled and why, from its apps' budgets ("Acme CRM daily budget 82 % used — polling every 27 min"), or null.</summary>
    public string? Pacing { get; init; }

    /// <summary>Set while runs fail for a passing reason and the workers retry by themselves (the state stays as the last good run left it).</summary>
    public RetryView? Retrying { get; init; }

    /// <summary>"Acme CRM ⇄ Phone book" two-way, "Acme CRM → Newsletter" one-way: the arrow shows where contacts flow.</summary>
    public string Flow => Settings.Direction switch
    {
        SyncDirection.AToB => $"{A.AppName} → {B.AppName}",
        SyncDirection.BToA => $"{B.AppName} → {A.AppName}",
        _ => $"{A.AppName} ⇄ {B.AppName}",
    };
}
