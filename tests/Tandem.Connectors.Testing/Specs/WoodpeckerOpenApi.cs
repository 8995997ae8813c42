namespace Tandem.Connectors.Testing.Specs;

/// <summary>
/// The validator for Woodpecker sandbox traffic: the v1 API under <c>/rest/v1/</c> against the only machine-readable
/// description there is (a third-party Swagger 2.0 file covering the prospect endpoints, specs/woodpecker/SOURCE.txt,
/// read through <see cref="Swagger2Conversion"/>),
/// with allowances where it falls short of Woodpecker's own documentation (NOTES.md §8, developers.woodpecker.co).
/// Every allowance is listed in src/Tandem.Sandbox/Woodpecker/README.md too.
/// </summary>
public static class WoodpeckerOpenApi
{
    public static OpenApiValidator CreateValidator() => new OpenApiValidator()
        .Mount("/rest/v1/", Swagger2Conversion.Load("woodpecker/woodpecker-v1.powerplatform.swagger.json"))
        .Ignore("/_sandbox/")

        // v2 webhooks listing is not in the v1 file.
        .Ignore("/rest/v2/")

        // The file covers prospects and campaigns only: GET /me ("to test the key") and the webhook subscriptions are in
        // Woodpecker's documentation, not in it.
        .Allow("GET /me: not an operation of *", "GET /rest/v1/me tests the API key (developers.woodpecker.co, Authentication)")
        .Allow("POST /webhooks/*: not an operation of *", "webhook subscribe and unsubscribe (developers.woodpecker.co, Webhooks)")

        // The file declares only 200s. Woodpecker answers an empty listing with 204 and errors with 400, 401, 404, 409,
        // 429 and 5xx in its status envelope (help.woodpecker.co, Error codes).
        .Allow("* response 204: status is not declared", "an empty dataset is 204 No Content")
        .Allow("* response 4*: status is not declared", "errors in the v1 status envelope")
        .Allow("* response 5*: status is not declared", "server errors")

        // DELETE /prospects takes a comma-separated id list (NOTES.md §8); the file types id as one integer.
        .Allow("DELETE /prospects query.id: *", "comma-separated ids")

        // The listing carries snippet_labels {label: value} (NOTES.md §8), which the file does not declare.
        .Allow("GET /prospects response 200$[]: property 'snippet_labels' is not declared", "labelled snippets")

        // The listing filters by one prospect id (developers.woodpecker.co, "Get a list of prospects": id, integer);
        // the file leaves that filter out.
        .Allow("GET /prospects query.id: parameter is not declared", "the id filter")

        // add_prospects_list: the docs send "update": true (a boolean), a file_name and the prospect's status; the file
        // types update as the string "true" and leaves the other two out. Each result names the prospect's id and its
        // outcome (status, code, msg), which the file does not declare either.
        .Allow("POST /add_prospects_list request$.update: *", "update is a boolean in Woodpecker's documentation")
        .Allow("POST /add_prospects_list request$: property 'file_name' is not declared", "file_name in the documentation's body")
        .Allow("POST /add_prospects_list request$.prospects[]: property 'status' is not declared", "a prospect's status can be written")
        .Allow("POST /add_prospects_list response 200$.prospects[]: property '*' is not declared", "per-prospect results");
}
