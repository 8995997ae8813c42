using System.Text.Json.Nodes;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.Pipeliner.Internal;

/// <summary>
/// The space's webhooks (<c>entities/Webhooks</c>, Pipeliner's "Webhooks (Real-time updates)" page and its webhooks
/// tutorial): one per hook URL for <c>Contact.Create</c>, <c>Contact.Update</c> and <c>Contact.Delete</c>, with
/// <c>insecure_ssl</c> false (the receiver's certificate is checked). Registering again first deletes the webhooks
/// already on that URL, so deliveries are never doubled.
/// </summary>
internal sealed class SpaceWebhooks
{
    public static readonly string[] Events = ["Contact.Create", "Contact.Update", "Contact.Delete"];

    private const string Entity = "Webhooks";

    private readonly PipelinerClient client;

    public SpaceWebhooks(PipelinerClient client)
    {
        this.client = client;
    }

    public async Task<string> RegisterAsync(Uri url, CancellationToken cancellationToken)
    {
        foreach (var existing in await OnUrlAsync(url, cancellationToken).ConfigureAwait(false))
        {
            await RemoveAsync(existing, cancellationToken).ConfigureAwait(false);
        }

        var body = new JsonObject
        {
            ["url"] = url.AbsoluteUri,
            ["events"] = new JsonArray([.. Events.Select(e => (JsonNode)e)]),
            ["insecure_ssl"] = false,
        };
        var answer = await client.CreateAsync(Entity, body, cancellationToken).ConfigureAwait(false);
        return JsonFields.Text(answer["data"] as JsonObject, "id")
            ?? throw new Contract.ConnectorException("Pipeliner accepted the webhook but did not say its id.");
    }

    public async Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteAsync(Entity, id, cancellationToken).ConfigureAwait(false);
        }
        catch (PipelinerApiException ex) when (ex.Status == 404)
        {
            // Already gone: nothing to remove.
        }
    }

    private async Task<List<string>> OnUrlAsync(Uri url, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        string? after = null;
        do
        {
            var page = await client.ListPageAsync("entities/" + Entity + "?first=100" + (after is null ? string.Empty : "&after=" + Uri.EscapeDataString(after)), cancellationToken).ConfigureAwait(false);
            var read = ContactPage.Read(page, Entity);
            ids.AddRange(read.Items.Where(w => string.Equals(JsonFields.Text(w, "url"), url.AbsoluteUri, StringComparison.Ordinal)).Select(w => JsonFields.Text(w, "id")).OfType<string>());
            after = read.Next;
        }
        while (after is not null);
        return ids;
    }
}
