using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Mailchimp;

/// <summary>
/// <c>POST /lists/{list_id}</c>: batch subscribe or update up to 500 members, synchronously. Each member succeeds or
/// fails on its own: <c>new_members</c>, <c>updated_members</c>, <c>errors</c> (with <c>error_code</c>
/// ERROR_CONTACT_EXISTS or ERROR_GENERIC) and their counts.
/// </summary>
internal sealed class BatchEndpoint
{
    public const int MaxMembers = 500;

    private readonly AudienceStore store;
    private readonly MemberEndpoints members;

    public BatchEndpoint(AudienceStore store, MemberEndpoints members)
    {
        this.store = store;
        this.members = members;
    }

    public (JsonObject Result, List<WebhookEvent> Events) Apply(string listId, JsonObject body, string source) => store.Write(events =>
    {
        var audience = store.Audience(listId);
        var items = body["members"] as JsonArray ?? throw MailchimpApiException.InvalidFields([("members", "This value should not be blank.")]);
        if (items.Count > MaxMembers)
        {
            throw MailchimpApiException.InvalidFields([("members", $"A batch holds at most {MaxMembers} members.")]);
        }

        var updateExisting = body["update_existing"] is JsonValue u && u.TryGetValue<bool>(out var b) && b;
        var created = new JsonArray();
        var updated = new JsonArray();
        var errors = new JsonArray();
        foreach (var item in items)
        {
            var member = item as JsonObject ?? [];
            var email = MemberWrites.Text(member["email_address"]) ?? string.Empty;
            try
            {
                var hash = AudienceStore.Hash(email);
                if (email.Length > 0 && audience.Members.TryGetValue(hash, out var existing) && existing.Status != "archived")
                {
                    if (!updateExisting)
                    {
                        errors.Add(Error(email, "ERROR_CONTACT_EXISTS", $"{email} is already a list member, do you want to update? please provide update_existing:true in the request body", null, null));
                        continue;
                    }

                    MemberWrites.Apply(store, audience, existing, member, existing.Status, source, events);
                    updated.Add(MemberShape.InBatch(MemberShape.Render(audience, existing)));
                    continue;
                }

                if (MemberWrites.Text(member["status"]) is null)
                {
                    errors.Add(Error(email, "ERROR_GENERIC", "Status is required for a new member.", "status", "Give subscribed, unsubscribed, cleaned, pending or transactional."));
                    continue;
                }

                created.Add(MemberShape.InBatch(members.Add(audience, email, member, source, events)));
            }
            catch (MailchimpApiException ex)
            {
                var field = ex.Errors?.OfType<JsonObject>().FirstOrDefault();
                errors.Add(Error(email, "ERROR_GENERIC", ex.Message, MemberWrites.Text(field?["field"]), MemberWrites.Text(field?["message"])));
            }
        }

        return new JsonObject
        {
            ["new_members"] = created,
            ["updated_members"] = updated,
            ["errors"] = errors,
            ["total_created"] = created.Count,
            ["total_updated"] = updated.Count,
            ["error_count"] = errors.Count,
        };
    });

    private static JsonObject Error(string email, string code, string message, string? field, string? fieldMessage)
    {
        var error = new JsonObject { ["email_address"] = email, ["error"] = message, ["error_code"] = code };
        if (field is not null)
        {
            error["field"] = field;
            error["field_message"] = fieldMessage;
        }

        return error;
    }
}
