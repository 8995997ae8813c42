namespace Tandem.Web.Components.Pages.Wizard;

/// <summary>The steps of the connection wizard, in order (PRODUCT.md §3).</summary>
public enum WizardStep
{
    Apps,
    Accounts,
    Direction,
    Rules,
    Winner,
    Mappings,
    Options,
    Review,
}
