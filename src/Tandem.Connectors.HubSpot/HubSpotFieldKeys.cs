namespace Tandem.Connectors.HubSpot;

/// <summary>The HubSpot-only field keys (the shared ones are in <see cref="Domain.Fields.StandardFieldKeys"/>).</summary>
public static class HubSpotFieldKeys
{
    /// <summary>The contact owner (<c>hubspot_owner_id</c>), a HubSpot owner id.</summary>
    public const string Owner = "owner";

    /// <summary>Prefix of every other property, followed by its internal name (<c>property.lifecyclestage</c>, <c>property.segment</c>).</summary>
    public const string PropertyPrefix = "property.";
}
