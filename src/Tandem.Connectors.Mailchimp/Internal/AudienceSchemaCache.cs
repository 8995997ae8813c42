using System.Text.Json.Nodes;

namespace Tandem.Connectors.Mailchimp.Internal;

/// <summary>
/// The audience's schema as last read. Merge fields are read once; interest categories only when they are needed: when
/// the schema is asked for, when a write sets a group, or when members read are in interests the cached categories do not
/// know (a member's <c>interests</c> map names every interest of the audience, so an audience without groups never
/// costs a call for them, and a category added in Mailchimp is noticed by the next read).
/// </summary>
internal sealed class AudienceSchemaCache
{
    private readonly MailchimpClient client;
    private AudienceSchema? current;

    public AudienceSchemaCache(MailchimpClient client)
    {
        this.client = client;
    }

    /// <summary>Reads merge fields and groups afresh: fields are added in Mailchimp at any time.</summary>
    public async Task<AudienceSchema> RefreshAsync(CancellationToken cancellationToken)
    {
        var fields = AudienceSchema.LoadAsync(client, cancellationToken);
        var groups = AudienceGroups.LoadAsync(client, cancellationToken);
        current = (await fields.ConfigureAwait(false)).WithGroups(await groups.ConfigureAwait(false));
        return current;
    }

    /// <summary>Puts a schema read elsewhere (after creating a field) in the cache.</summary>
    public void Replace(AudienceSchema schema) => current = schema;

    public async Task<AudienceSchema> CurrentAsync(CancellationToken cancellationToken) =>
        current ??= await AudienceSchema.LoadAsync(client, cancellationToken).ConfigureAwait(false);

    /// <summary>The schema with its groups read, for writes that set a group.</summary>
    public async Task<AudienceSchema> WithGroupsAsync(CancellationToken cancellationToken)
    {
        var schema = await CurrentAsync(cancellationToken).ConfigureAwait(false);
        return schema.Groups is not null ? schema : await ReloadGroupsAsync(schema, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The schema, with the groups (re)read when these members are in interests it does not know.</summary>
    public async Task<AudienceSchema> CoveringAsync(IEnumerable<JsonObject> members, CancellationToken cancellationToken)
    {
        var schema = await CurrentAsync(cancellationToken).ConfigureAwait(false);
        return (schema.Groups ?? AudienceGroups.None).Covers(members) ? schema : await ReloadGroupsAsync(schema, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AudienceSchema> ReloadGroupsAsync(AudienceSchema schema, CancellationToken cancellationToken)
    {
        current = schema.WithGroups(await AudienceGroups.LoadAsync(client, cancellationToken).ConfigureAwait(false));
        return current;
    }
}
