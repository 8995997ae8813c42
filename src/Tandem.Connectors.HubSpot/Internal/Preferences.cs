using System.Text.Json.Nodes;

namespace Tandem.Connectors.HubSpot.Internal;

/// <summary>
/// Communication preferences v3: an unsubscribe is one <c>unsubscribe</c> per active subscription type of the portal
/// (read once), so the contact ends "unsubscribed from all email". A type the contact already left is not an error.
/// Tandem never calls <c>subscribe</c>.
/// </summary>
internal sealed class Preferences(HubSpotClient client)
{
    private IReadOnlyList<string>? subscriptionIds;

    public async Task UnsubscribeAsync(string email, CancellationToken cancellationToken)
    {
        subscriptionIds ??= [.. Json.Items(await client.GetAsync("communication-preferences/v3/definitions", cancellationToken).ConfigureAwait(false), "subscriptionDefinitions")
            .Where(d => d["isActive"]?.GetValue<bool>() != false && d["isInternal"]?.GetValue<bool>() != true)
            .Select(d => Json.Text(d, "id")).OfType<string>()];
        foreach (var id in subscriptionIds)
        {
            try
            {
                _ = await client.PostAsync("communication-preferences/v3/unsubscribe", new JsonObject
                {
                    ["emailAddress"] = email,
                    ["subscriptionId"] = id,
                    ["legalBasis"] = "LEGITIMATE_INTEREST_OTHER",
                    ["legalBasisExplanation"] = "Unsubscribed in another app; Tandem keeps the apps in step.",
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (HubSpotApiException ex) when (ex.Status == 400 && ex.AppReason.Contains("already unsubscribed", StringComparison.OrdinalIgnoreCase))
            {
            }
        }
    }
}
