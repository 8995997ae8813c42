
namespace Tandem.Connectors.Testing.Specs;

/// <summary>
/// The validator for Pipedrive sandbox traffic: API v2 under <c>/api/v2/</c>, v1 under <c>/api/v1/</c> and <c>/v1/</c>,
/// with the allowances for the places where the official files are incomplete or contradict NOTES.md §2.
/// Every allowance is listed in src/Tandem.Sandbox/Pipedrive/README.md too.
/// </summary>
public static class PipedriveOpenApi
{
    public static OpenApiValidator CreateValidator() => new OpenApiValidator()
        .Mount("/api/v2/", OpenApiDocument.LoadSpec("pipedrive/openapi-v2.yaml"))
        .Mount("/api/v1/", OpenApiDocument.LoadSpec("pipedrive/openapi-v1.yaml"))
        .Mount("/v1/", OpenApiDocument.LoadSpec("pipedrive/openapi-v1.yaml"))
        .Ignore("/_sandbox/")

        // OAuth 2.0 (NOTES.md §2) lives on oauth.pipedrive.com and is in neither OpenAPI file: /oauth/authorize and
        // /oauth/token are not validated (the OAuth tests check their answers themselves).
        .Ignore("/oauth/")

        // The schemas omit `nullable` on next_cursor, whose own description says it "will be null if you have reached
        // the end of the dataset" (v2 lists: persons, organizations, search).
        .Allow("GET * response 200$.additional_data.next_cursor: null, but the schema is not nullable", "next_cursor is null on the last page, as its description says")

        // v2 operations declare 200 only. NOTES.md §2 and Pipedrive's docs: 401 without a valid token, 404 for an unknown
        // id, 400 for a refused value, 429 over the burst limit, 5xx on server errors; v1 declares some of these.
        .Allow("* response 401: status is not declared", "unauthorized access (the v1 spec shows its body)")
        .Allow("* /persons/{id} response 404: status is not declared", "an unknown or deleted person")
        .Allow("POST /persons response 400: status is not declared", "a refused value (Name must be given.)")
        .Allow("PATCH /persons/{id} response 400: status is not declared", "a refused value")
        .Allow("POST /personFields response 400: status is not declared", "a refused field (no name, an unknown type, options missing or misplaced)")
        .Allow("* response 429: status is not declared", "the burst rate limit, NOTES.md §2")
        .Allow("* response 5*: status is not declared", "server errors")

        // include_fields is described as a "comma separated string array" of the listed values, but typed as one string
        // with those values as its enum: a list of several is what the description asks for.
        .Allow("GET /persons* query.include_fields: \"*,*\" is not one of the declared values", "several include_fields, comma-separated as described")

        // The person schemas of GET /persons and /persons/{id} leave out every property include_fields adds, though the
        // parameter exists to add them: the deal counts and marketing_status come only when asked for.
        .Allow("GET /persons* response 200$.data*: property '*_deals_count' is not declared", "a deal count named in include_fields")
        .Allow("GET /persons* response 200$.data*: property 'marketing_status' is not declared", "marketing_status named in include_fields")

        // NOTES.md §2: the legacy ?api_token= is still accepted, though the spec names only the x-api-token header.
        .Allow("* query.api_token: parameter is not declared", "legacy API token in the query string")

        // v1 GET /personFields: the schema flattens start/limit/more_items_in_collection into additional_data, while its
        // own example (and every other v1 list, e.g. recents) nests them under additional_data.pagination.
        .Allow("GET /personFields response 200$.additional_data: property 'pagination' is not declared", "pagination is nested as in the spec's example");
}
