
namespace Tandem.Connectors.Testing.Specs;

/// <summary>
/// The validator for Pipeliner sandbox traffic: the Swagger 2.0 file of Pipeliner's certified Power Platform connector
/// (specs/pipeliner), read through <see cref="Swagger2Conversion"/>, with the allowances for what that subset leaves out
/// and Pipeliner's own documentation (NOTES.md §7) states. Every allowance is listed in src/Tandem.Sandbox/Pipeliner/README.md too.
/// </summary>
public static class PipelinerOpenApi
{
    public static OpenApiValidator CreateValidator() => new OpenApiValidator()
        .Mount("/", Swagger2Conversion.Load("pipeliner/pipeliner-crm.powerplatform.swagger.json"))
        .Ignore("/_sandbox/")

        // The subset declares only `first` on lists; Pipeliner's "API parameters" page documents after, order-by,
        // include-deleted, filter[field] and filter-op[field] for every list.
        .Allow("GET /api/v100/rest/spaces/{space_id}/entities/* query.after: parameter is not declared", "cursor paging, documented")
        .Allow("GET /api/v100/rest/spaces/{space_id}/entities/* query.order-by: parameter is not declared", "ordering, documented")
        .Allow("GET /api/v100/rest/spaces/{space_id}/entities/* query.include-deleted: parameter is not declared", "deleted records, documented")
        .Allow("GET /api/v100/rest/spaces/{space_id}/entities/* query.filter[*]: parameter is not declared", "filters, documented")
        .Allow("GET /api/v100/rest/spaces/{space_id}/entities/* query.filter-op[*]: parameter is not declared", "filter operators, documented")

        // batch-modify is documented on the bulk page (NOTES.md §7) but is not in the Power Platform subset.
        .Allow("POST /api/v100/rest/spaces/*/entities/Contacts/batch-modify: not an operation of *", "bulk create and update, documented")

        // Webhooks (Webhooks.create, list, delete) are documented on the webhooks page and tutorial, not in the subset.
        .Allow("* /api/v100/rest/spaces/*/entities/Webhooks*: not an operation of *", "webhooks, documented")

        // Custom fields are top-level properties named by their api_name (cf_…): no fixed schema can list them.
        .Allow("* response 200$.data*: property 'cf_*' is not declared", "custom field values")

        // The Fields schema types data_set as a string; the Fields documentation shows a data set as a list of options.
        .Allow("GET /api/v100/rest/spaces/{space_id}/entities/Fields response 200$.data[].data_set: expected string, got an array", "a data set's options")

        // Operations declare 200 only. The documentation: 401 without valid Basic credentials, 404 for an unknown id,
        // 422 for a refused entity (with field_errors), 429 and 5xx from any API.
        .Allow("* response 401: status is not declared", "unauthorized")
        .Allow("* response 404: status is not declared", "an unknown or deleted contact")
        .Allow("* response 400: status is not declared", "a malformed request")
        .Allow("* response 422: status is not declared", "a refused entity")
        .Allow("* response 429: status is not declared", "too many requests")
        .Allow("* response 5*: status is not declared", "server errors");
}
