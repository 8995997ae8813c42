using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Mailchimp.Internal;

/// <summary>
/// Applies a batch of writes with as few calls as Mailchimp allows: creates in one batch subscribe (<c>POST
/// /lists/{id}</c>, <c>update_existing: false</c>, never repeated once it may have arrived), field changes and
/// unsubscribes in one batch update (<c>update_existing: true</c>, absolute values, safe to repeat), an email change as
/// a PATCH, tags through the member tags call, deletions as archiving. The updates of a batch first read their members
/// (<see cref="MemberLookup"/>: one listing for the batch where it can): a member changed since the engine's version fails
/// <see cref="WriteFailureKind.StaleVersion"/>. Results come from the members the batch answer carries (the spec's
/// <c>new_members</c>/<c>updated_members</c> are whole members); a member is read back only after a tags call, which
/// answers nothing. Groups are written as the member's <c>interests</c> map, only for the categories that change. A
/// status is only sent for a new member, to unsubscribe, or to subscribe a transactional member (a Subscribe action):
/// Tandem never re-subscribes anyone.
/// </summary>
internal sealed class MemberWrites
{
    private readonly MailchimpClient client;
    private readonly MemberLookup lookup;
    private readonly MemberReader reader;
    private readonly ILogger logger;
    private readonly string newMemberStatus;

    public MemberWrites(MailchimpClient client, MemberReader reader, ILogger logger, string newMemberStatus)
    {
        this.client = client;
        lookup = new MemberLookup(client);
        this.reader = reader;
        this.logger = logger;
        this.newMemberStatus = newMemberStatus;
    }

    private string Members => $"lists/{client.AudienceId}/members/";

    public async Task<IReadOnlyList<WriteResult>> ApplyAsync(IReadOnlyList<WriteOperation> operations, AudienceSchemaCache schemas, CancellationToken cancellationToken)
    {
        var plans = operations.Select(o => new WritePlan(o)).ToList();
        var setsGroups = operations.Any(o => o switch
        {
            CreateOperation c => c.Fields.Keys.Any(IsGroup),
            UpdateOperation u => u.Changes.Any(c => IsGroup(c.Key)),
            _ => false,
        });
        if (setsGroups)
        {
            // The categories must be known to translate a group's options into interests.
            await schemas.WithGroupsAsync(cancellationToken).ConfigureAwait(false);
        }

        var updates = operations.OfType<UpdateOperation>().Select(u => (u.RecordId, u.ExpectedVersion)).ToList();
        var current = updates.Count == 0 ? [] : await lookup.ReadAsync(updates, cancellationToken).ConfigureAwait(false);
        var schema = await schemas.CoveringAsync(current.Values, cancellationToken).ConfigureAwait(false);
        foreach (var plan in plans.Where(p => p.Operation is UpdateOperation))
        {
            PrepareUpdate(plan, current.GetValueOrDefault(((UpdateOperation)plan.Operation).RecordId), schema);
        }

        foreach (var plan in plans.Where(p => p.Operation is CreateOperation))
        {
            PrepareCreate(plan, schema);
        }

        await BatchAsync(plans.Where(p => p.Result is null && p.Operation is CreateOperation && p.Body is not null).ToList(), updateExisting: false, cancellationToken).ConfigureAwait(false);
        await BatchAsync(plans.Where(p => p.Result is null && p.Operation is UpdateOperation && p.Body is not null && p.NewEmail is null).ToList(), updateExisting: true, cancellationToken).ConfigureAwait(false);
        schema = await schemas.CoveringAsync(plans.Select(p => p.Member).OfType<JsonObject>(), cancellationToken).ConfigureAwait(false);
        await Parallel.ForEachAsync(plans.Where(p => p.Result is null), Concurrency(cancellationToken), async (plan, ct) => await FinishAsync(plan, schema, ct).ConfigureAwait(false)).ConfigureAwait(false);
        return plans.Select(p => p.Result!).ToList();
    }

    private static ParallelOptions Concurrency(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = MailchimpClient.MaxConnections, CancellationToken = cancellationToken };

    private void PrepareCreate(WritePlan plan, AudienceSchema schema)
    {
        var create = (CreateOperation)plan.Operation;
        var email = Email(create.Fields.GetValueOrDefault(StandardFieldKeys.Emails));
        if (email is null)
        {
            plan.Fail(WriteFailureKind.Rejected, "Mailchimp needs an email address for a new member.");
            return;
        }

        plan.Email = email;
        plan.Body = new JsonObject
        {
            ["email_address"] = email,
            // Unsubscribed wins over Subscribe: Tandem never subscribes someone the other app says left.
            ["status"] = create.Unsubscribed ? "unsubscribed" : create.Subscribe ? "subscribed" : newMemberStatus,
            ["merge_fields"] = Merges(plan, create.Fields.Select(f => (f.Key, (FieldValue?)f.Value)), schema),
        };
        AddInterests(plan, plan.Body, create.Fields.Select(f => (f.Key, (FieldValue?)f.Value)), schema);
        plan.AddTags = create.Tags.ToList();
    }

    private void PrepareUpdate(WritePlan plan, JsonObject? member, AudienceSchema schema)
    {
        var update = (UpdateOperation)plan.Operation;
        if (member is null)
        {
            plan.Fail(WriteFailureKind.NotFound, "The member is no longer in the Mailchimp audience.");
            return;
        }

        var current = reader.Read(member, schema);
        if (update.ExpectedVersion is { } expected && expected != current.Version)
        {
            plan.Fail(WriteFailureKind.StaleVersion, "The member changed in Mailchimp since it was read.");
            return;
        }

        plan.Email = Json.Text(member, "email_address");
        plan.Member = member;
        var body = new JsonObject { ["email_address"] = plan.Email };
        var merges = Merges(plan, update.Changes.Select(c => (c.Key, c.Value)), schema);
        if (merges.Count > 0)
        {
            body["merge_fields"] = merges;
        }

        if (update.Changes.FirstOrDefault(c => c.Key == StandardFieldKeys.Emails) is { } change && Email(change.Value) is { } email
            && !string.Equals(email, plan.Email, StringComparison.OrdinalIgnoreCase))
        {
            plan.NewEmail = email;
            body["email_address"] = email;
        }

        AddInterests(plan, body, update.Changes.Select(c => (c.Key, c.Value)), schema);
        if (update.Unsubscribe && !current.IsUnsubscribed)
        {
            body["status"] = "unsubscribed";
        }
        else if (update.Subscribe && current.NeverSubscribed)
        {
            // Only a transactional member (who never subscribed) is subscribed: anyone unsubscribed, cleaned, pending or
            // archived stays as they are.
            body["status"] = "subscribed";
        }

        plan.Body = body.Count > 1 ? body : null;
        plan.AddTags = update.AddTags.Where(t => !current.Tags.Contains(t)).ToList();
        plan.RemoveTags = update.RemoveTags.Where(current.Tags.Contains).ToList();
    }

    private async Task BatchAsync(List<WritePlan> plans, bool updateExisting, CancellationToken cancellationToken)
    {
        if (plans.Count == 0)
        {
            return;
        }

        var body = new JsonObject
        {
            ["members"] = new JsonArray(plans.Select(p => (JsonNode)p.Body!.DeepClone()).ToArray()),
            ["update_existing"] = updateExisting,
        };
        JsonObject answer;
        try
        {
            // A batch update sends absolute values, so repeating it is harmless; a batch of creates is not repeated.
            answer = await client.PostAsync($"lists/{client.AudienceId}", body, idempotent: updateExisting, cancellationToken).ConfigureAwait(false);
        }
        catch (OutcomeUnknownException ex)
        {
            plans.ForEach(p => p.Fail(WriteFailureKind.Unknown, ex.Message));
            return;
        }
        catch (MailchimpApiException ex) when (ex.Status is >= 400 and < 500 and not (401 or 403 or 429))
        {
            plans.ForEach(p => p.Fail(WriteFailureKind.Rejected, ex.Reason));
            return;
        }

        var written = Json.Items(answer, "new_members").Concat(Json.Items(answer, "updated_members"))
            .Where(m => Json.Text(m, "email_address") is not null)
            .ToLookup(m => Json.Text(m, "email_address")!, StringComparer.OrdinalIgnoreCase);
        foreach (var plan in plans)
        {
            // A member the answer leaves out is read back afterwards.
            plan.Member = plan.Email is { } sent ? written[sent].FirstOrDefault() : null;
        }

        var errors = Json.Items(answer, "errors").ToList();
        MailchimpLog.Batch(logger, plans.Count, Json.Int(answer, "total_created") ?? 0, Json.Int(answer, "total_updated") ?? 0, errors.Count);
        foreach (var error in errors)
        {
            var email = Json.Text(error, "email_address");
            var reason = Json.Text(error, "field") is { } field ? $"{field}: {Json.Text(error, "field_message") ?? Json.Text(error, "error")}" : Json.Text(error, "error") ?? "Mailchimp refused the member.";
            if (Json.Text(error, "error_code") == "ERROR_CONTACT_EXISTS")
            {
                reason = "A member with this email is already in the audience.";
            }

            foreach (var plan in plans.Where(p => p.Result is null && string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase)))
            {
                plan.Fail(WriteFailureKind.Rejected, reason);
            }
        }
    }

    private async Task FinishAsync(WritePlan plan, AudienceSchema schema, CancellationToken cancellationToken)
    {
        try
        {
            switch (plan.Operation)
            {
                case DeleteOperation delete:
                    _ = await client.DeleteAsync(Members + Uri.EscapeDataString(delete.RecordId), cancellationToken).ConfigureAwait(false);
                    plan.Succeed(null);
                    return;
                case UpdateOperation update when plan.NewEmail is not null:
                    plan.Member = await client.PatchAsync(Members + Uri.EscapeDataString(update.RecordId), plan.Body!, cancellationToken).ConfigureAwait(false);
                    break;
            }

            if (plan.AddTags.Count > 0 || plan.RemoveTags.Count > 0)
            {
                var tags = plan.AddTags.Select(t => (JsonNode)new JsonObject { ["name"] = t, ["status"] = "active" })
                    .Concat(plan.RemoveTags.Select(t => (JsonNode)new JsonObject { ["name"] = t, ["status"] = "inactive" }));
                _ = await client.PostAsync(Members + Hash(plan) + "/tags", new JsonObject { ["tags"] = new JsonArray(tags.ToArray()) }, idempotent: true, cancellationToken).ConfigureAwait(false);

                // The tags call answers 204: the member's tags and last_changed are only known by reading it.
                plan.Member = null;
            }

            var member = plan.Member ?? await client.GetAsync(Members + Hash(plan), cancellationToken).ConfigureAwait(false);
            plan.Succeed(reader.Read(member, schema));
        }
        catch (ConnectorException ex) when (WriteFailures.Classify(ex, "The member is no longer in the Mailchimp audience.", "The member changed in Mailchimp since it was read.") is { } failure)
        {
            plan.Fail(failure.Kind, failure.Reason);
        }
    }

    private static JsonObject Merges(WritePlan plan, IEnumerable<(string Key, FieldValue? Value)> values, AudienceSchema schema)
    {
        var (merges, refusal) = MemberBody.Merges(values, schema);
        if (refusal is not null)
        {
            plan.Fail(WriteFailureKind.Rejected, refusal);
        }

        return merges;
    }

    /// <summary>Adds the <c>interests</c> of the groups among the values: only the interests of those categories.</summary>
    private static void AddInterests(WritePlan plan, JsonObject body, IEnumerable<(string Key, FieldValue? Value)> values, AudienceSchema schema)
    {
        var (interests, refusal) = MemberBody.Interests(values, schema);
        if (refusal is not null)
        {
            plan.Fail(WriteFailureKind.Rejected, refusal);
        }

        if (interests.Count > 0)
        {
            body["interests"] = interests;
        }
    }

    private static bool IsGroup(string key) => key.StartsWith(MailchimpFieldKeys.GroupPrefix, StringComparison.Ordinal);

    private static string? Email(FieldValue? value) => value switch
    {
        ScalarValue scalar => scalar.Text,
        ListValue list => list.Primary.Text,
        _ => null,
    };

    /// <summary>The subscriber hash the member has after the write (a changed email moves it).</summary>
    private static string Hash(WritePlan plan) => SubscriberHash.Of(plan.NewEmail ?? plan.Email!);

    /// <summary>One operation on its way through the batch: what to send, and its result once known.</summary>
    private sealed class WritePlan(WriteOperation operation)
    {
        public WriteOperation Operation { get; } = operation;

        public string? Email { get; set; }

        public string? NewEmail { get; set; }

        public JsonObject? Body { get; set; }

        /// <summary>The member as Mailchimp last showed it: read before an update, then from the write's answer.</summary>
        public JsonObject? Member { get; set; }

        public List<string> AddTags { get; set; } = [];

        public List<string> RemoveTags { get; set; } = [];

        public WriteResult? Result { get; private set; }

        public void Fail(WriteFailureKind kind, string reason) => Result ??= WriteResult.Failed(Operation.OperationId, kind, reason);

        public void Succeed(ContactRecord? record) => Result ??= WriteResult.Success(Operation.OperationId, record);
    }
}
