
namespace Tandem.Connectors.Testing.Specs;

/// <summary>
/// The validator for Mailchimp sandbox traffic: Marketing API v3 under <c>/3.0/</c>, with the allowances for the places
/// where the spec is incomplete or contradicts NOTES.md §3. Every allowance is listed in
/// src/Tandem.Sandbox/Mailchimp/README.md too. OAuth (login.mailchimp.com) is not part of the Marketing spec.
/// </summary>
public static class MailchimpOpenApi
{
    public static OpenApiValidator CreateValidator() => new OpenApiValidator()
        .Mount("/3.0/", OpenApiDocument.LoadSpec("mailchimp/marketing.openapi.json"))
        .Ignore("/_sandbox/")
        .Ignore("/oauth2/")

        // The spec types every merge value as an object ("This object's keys are merge tags… its values are the values
        // to be added"), but only address values are objects: text, phone, date, url, choices are strings, numbers are
        // numbers (NOTES.md §3, Mailchimp's merge-field documentation).
        .Allow("*merge_fields.*: expected object, got *", "merge values are strings, numbers or address objects")

        // ProblemDetailDocument declares type, title, status, detail and instance only; NOTES.md §3 (and Mailchimp's
        // error documentation) add `errors[] {field, message}` to a 400 Invalid Resource.
        .Allow("* response 400$: property 'errors' is not declared", "field errors of an invalid resource");
}
