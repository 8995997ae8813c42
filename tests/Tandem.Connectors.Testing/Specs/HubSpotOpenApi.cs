
namespace Tandem.Connectors.Testing.Specs;

/// <summary>
/// The validator for HubSpot sandbox traffic: the seven HubSpot files of <c>specs/hubspot/</c>, each holding whole paths
/// (<c>/crm/v3/objects/contacts…</c>, <c>/crm/v3/properties…</c>, <c>/crm/v3/owners</c>, <c>/crm/v3/lists…</c>,
/// <c>/communication-preferences/v3…</c>, <c>/oauth/v1…</c>), with the allowances for the places where the files are
/// incomplete or contradict NOTES.md §4. Every allowance is listed in src/Tandem.Sandbox/HubSpot/README.md too.
/// </summary>
public static class HubSpotOpenApi
{
    public static OpenApiValidator CreateValidator() => new OpenApiValidator()
        .Mount("/", OpenApiDocument.LoadSpec("hubspot/contacts.v3.json"))
        .Mount("/", OpenApiDocument.LoadSpec("hubspot/properties.v3.json"))
        .Mount("/", OpenApiDocument.LoadSpec("hubspot/crm-owners.v3.json"))
        .Mount("/", OpenApiDocument.LoadSpec("hubspot/lists.v3.json"))
        .Mount("/", OpenApiDocument.LoadSpec("hubspot/communication-preferences-subscriptions.v3.json"))
        .Mount("/", OpenApiDocument.LoadSpec("hubspot/oauth.v1.json"))
        .Ignore("/_sandbox/")

        // The consent page lives on app.hubspot.com and is in no file (the OAuth tests check it themselves).
        .Ignore("/oauth/authorize")

        // NOTES.md §4 (HubSpot's error-handling docs): every error body carries "status":"error", and a 429 names its
        // policy (policyName, errorType) — the Error schema declares neither.
        .Allow("* response *$: property 'status' is not declared", "\"status\":\"error\" of every HubSpot error body")
        .Allow("* response 429$: property 'policyName' is not declared", "the limit a 429 broke, NOTES.md §4")
        .Allow("* response 429$: property 'errorType' is not declared", "RATE_LIMIT, NOTES.md §4")

        // HubSpot's search guide writes sorts as {propertyName, direction}; the file types them as strings.
        .Allow("POST /crm/v3/objects/contacts/search request$.sorts[]: expected string, got an object", "sorts as HubSpot's search guide writes them");
}
