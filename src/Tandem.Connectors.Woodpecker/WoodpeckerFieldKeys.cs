namespace Tandem.Connectors.Woodpecker;

/// <summary>The Woodpecker-only field keys (the shared ones are in <see cref="Domain.Fields.StandardFieldKeys"/>).</summary>
public static class WoodpeckerFieldKeys
{
    /// <summary>The prospect's global status (ACTIVE, BLACKLIST, REPLIED, BOUNCED, INVALID), read-only.</summary>
    public const string Status = "status";

    public const string Industry = "industry";

    public const string Website = "website";

    public const string LinkedIn = "linkedin";

    /// <summary>The snippets (custom fields) are <c>snippet1</c>…<c>snippet15</c>, as Woodpecker names them.</summary>
    public const string SnippetPrefix = "snippet";
}
