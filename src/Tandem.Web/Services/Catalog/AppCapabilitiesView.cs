using Tandem.Domain.Configuration;

namespace Tandem.Web.Services.Catalog;

/// <summary>What an app can do, for the wizard: which filters and actions its rules offer, which options it supports.</summary>
/// <param name="ContactTypes">"contacts", and "leads" where the app has both.</param>
/// <param name="Filters">The IF conditions of a rule on this app's side ("exists in the other app" included: every side has it).</param>
/// <param name="Actions">The THEN actions a rule of the other side can run on this app's contacts.</param>
/// <param name="TagContainer">Where tags live ("labels", "contact groups"), or null when the app has none.</param>
/// <param name="DetectsDeletions">The app reports deletions.</param>
/// <param name="DetectsUnsubscribes">The app reports contacts who unsubscribed.</param>
/// <param name="CanUnsubscribe">Tandem may mark contacts unsubscribed in this app.</param>
/// <param name="CanDelete">A list-style target where deleting may be turned on for a one-way feed.</param>
/// <param name="HasWebhooks">The app can push changes to Tandem.</param>
/// <param name="IsReadOnly">Nothing may be written to this app.</param>
/// <param name="IsWriteOnly">Nothing can be read from this app: it is only the target of a one-way connection.</param>
public sealed record AppCapabilitiesView(
    IReadOnlyList<string> ContactTypes,
    IReadOnlyList<FilterKind> Filters,
    IReadOnlyList<ActionKind> Actions,
    string? TagContainer,
    bool DetectsDeletions,
    bool DetectsUnsubscribes,
    bool CanUnsubscribe,
    bool CanDelete,
    bool HasWebhooks,
    bool IsReadOnly,
    bool IsWriteOnly = false);
