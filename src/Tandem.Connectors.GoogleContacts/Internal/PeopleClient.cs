using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.GoogleContacts.Internal;

/// <summary>The People API v1 calls the connector makes, as JSON in and out; errors become <see cref="PeopleApiException"/>.</summary>
internal sealed class PeopleClient : IDisposable
{
    /// <summary>Every field the connector reads (metadata for the source etag, clientData for the client reference).</summary>
    public const string PersonFields = "names,emailAddresses,phoneNumbers,addresses,urls,organizations,birthdays,biographies,userDefined,memberships,clientData,metadata,"
        + "nicknames,events,relations,imClients,genders,photos";

    /// <summary>
    /// Contact data only: by default reads also answer the items of a Google profile the contact is linked to, which
    /// are not the user's to edit and would come back on the next write.
    /// </summary>
    public const string ContactSource = "READ_SOURCE_TYPE_CONTACT";

    private readonly JsonApiClient http;

    public PeopleClient(JsonApiClient http)
    {
        this.http = http;
    }

    /// <summary>A page of the listing or the change feed, asking for a sync token at its end.</summary>
    public Task<JsonObject> ListConnectionsAsync(int pageSize, string? syncToken, string? pageToken, string personFields, CancellationToken cancellationToken) =>
        ConnectionsAsync(pageSize, syncToken, pageToken, personFields, requestSyncToken: true, cancellationToken);

    /// <summary>
    /// A page of a scan that needs no sync token (the schema, a lost create's lookup): the first page of a full sync that
    /// asks for one spends a small fixed quota of its own (429 when spent, and it cannot be raised).
    /// </summary>
    public Task<JsonObject> ScanConnectionsAsync(int pageSize, string? pageToken, string personFields, CancellationToken cancellationToken) =>
        ConnectionsAsync(pageSize, null, pageToken, personFields, requestSyncToken: false, cancellationToken);

    private Task<JsonObject> ConnectionsAsync(int pageSize, string? syncToken, string? pageToken, string personFields, bool requestSyncToken, CancellationToken cancellationToken)
    {
        var query = new StringBuilder("v1/people/me/connections?personFields=").Append(Uri.EscapeDataString(personFields))
            .Append("&pageSize=").Append(pageSize)
            .Append("&sortOrder=LAST_MODIFIED_ASCENDING&sources=").Append(ContactSource);
        if (requestSyncToken)
        {
            query.Append("&requestSyncToken=true");
        }

        if (syncToken is not null)
        {
            query.Append("&syncToken=").Append(Uri.EscapeDataString(syncToken));
        }

        if (pageToken is not null)
        {
            query.Append("&pageToken=").Append(Uri.EscapeDataString(pageToken));
        }

        return ListingPageAsync(new HttpRequestMessage(HttpMethod.Get, query.ToString()), cancellationToken);
    }

    /// <summary>connections.list takes pageSize 1–1000.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>people:batchGet takes at most 200 resource names.</summary>
    public const int MaxBatchGet = 200;

    public Task<JsonObject> BatchGetAsync(IEnumerable<string> resourceNames, CancellationToken cancellationToken)
    {
        var query = "v1/people:batchGet?personFields=" + Uri.EscapeDataString(PersonFields) + "&sources=" + ContactSource
            + string.Concat(resourceNames.Select(n => "&resourceNames=" + Uri.EscapeDataString(n)));
        return SendAsync(new HttpRequestMessage(HttpMethod.Get, query), cancellationToken);
    }

    public Task<JsonObject> BatchCreateAsync(IEnumerable<JsonObject> persons, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["contacts"] = new JsonArray(persons.Select(p => (JsonNode)new JsonObject { ["contactPerson"] = p }).ToArray()),
            ["readMask"] = PersonFields,
            ["sources"] = new JsonArray(ContactSource),
        };

        // Not idempotent: a create repeated after a lost answer would duplicate the contact.
        return SendAsync(Post("v1/people:batchCreateContacts", body), cancellationToken);
    }

    public Task<JsonObject> CreateAsync(JsonObject person, CancellationToken cancellationToken) =>
        SendAsync(Post("v1/people:createContact?personFields=" + Uri.EscapeDataString(PersonFields) + "&sources=" + ContactSource, person), cancellationToken);

    public Task<JsonObject> BatchUpdateAsync(JsonObject contacts, string updateMask, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["contacts"] = contacts, ["updateMask"] = updateMask, ["readMask"] = PersonFields, ["sources"] = new JsonArray(ContactSource) };

        // The etag in each person makes a repeat harmless: a second apply fails as stale instead of overwriting.
        return SendAsync(RequestIdempotency.MarkIdempotent(Post("v1/people:batchUpdateContacts", body)), cancellationToken);
    }

    public Task<JsonObject> UpdateAsync(string resourceName, JsonObject person, string updateMask, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, "v1/" + resourceName + ":updateContact?updatePersonFields=" + Uri.EscapeDataString(updateMask)
            + "&personFields=" + Uri.EscapeDataString(PersonFields) + "&sources=" + ContactSource)
        {
            Content = JsonContent.Create(person),
        };
        return SendAsync(RequestIdempotency.MarkIdempotent(request), cancellationToken);
    }

    /// <summary>people.updateContactPhoto: the answer's person (asked for with every field Tandem reads) holds Google's copy.</summary>
    public Task<JsonObject> UpdatePhotoAsync(string resourceName, byte[] photo, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["photoBytes"] = Convert.ToBase64String(photo), ["personFields"] = PersonFields };
        var request = new HttpRequestMessage(HttpMethod.Patch, "v1/" + resourceName + ":updateContactPhoto") { Content = JsonContent.Create(body) };

        // Setting the same bytes twice leaves the same photo: a repeat after a lost answer is harmless.
        return SendAsync(RequestIdempotency.MarkIdempotent(request), cancellationToken);
    }

    public Task<JsonObject> DeletePhotoAsync(string resourceName, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Delete, "v1/" + resourceName + ":deleteContactPhoto?personFields=" + Uri.EscapeDataString(PersonFields)), cancellationToken);

    public Task<JsonObject> ListGroupsAsync(CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, "v1/contactGroups?pageSize=1000"), cancellationToken);

    public Task<JsonObject> CreateGroupAsync(string name, CancellationToken cancellationToken) =>
        SendAsync(Post("v1/contactGroups", new JsonObject { ["contactGroup"] = new JsonObject { ["name"] = name } }), cancellationToken);

    public void Dispose() => http.Dispose();

    /// <summary>A page of connections, counted against the run's listing budget (a listing that never ends stops).</summary>
    private async Task<JsonObject> ListingPageAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var page = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        http.Listing.Count((page["connections"] as JsonArray)?.Count ?? 0);
        return page;
    }

    private static HttpRequestMessage Post(string path, JsonObject body) => new(HttpMethod.Post, path) { Content = JsonContent.Create(body) };

    private async Task<JsonObject> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var answer = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (answer.IsSuccess)
        {
            return answer.Body;
        }

        var error = answer.Body["error"] as JsonObject;
        var status = JsonFields.Text(error?["status"]) ?? "UNKNOWN";
        var reason = (error?["details"] as JsonArray)?.OfType<JsonObject>().Select(d => JsonFields.Text(d["reason"])).FirstOrDefault(r => r is not null);
        throw new PeopleApiException(answer.Status, status, reason, JsonFields.Text(error?["message"]) ?? string.Empty);
    }
}
