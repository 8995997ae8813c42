namespace Tandem.Connectors.Pipedrive.Internal;

/// <summary>
/// The labels Pipedrive gives emails (work, home, other) and phones (work, home, mobile, other), as its person form offers
/// them: another app's label is mapped to one of these, never passed through, so what Pipedrive keeps and reads back is
/// what Tandem wrote and the label cannot flip between the apps run after run. Unverified: the API's own rule for an
/// unknown label (its specs say only "classification label").
/// </summary>
internal static class ContactLabels
{
    public static string Email(string label) => label.Trim().ToLowerInvariant() switch
    {
        "work" or "business" or "office" or "company" => "work",
        "home" or "personal" or "private" => "home",
        _ => "other",
    };

    public static string Phone(string label) => label.Trim().ToLowerInvariant() switch
    {
        "mobile" or "cell" or "cellphone" or "iphone" or "mobile phone" => "mobile",
        "work" or "business" or "office" or "main" or "company" => "work",
        "home" or "personal" or "private" => "home",
        _ => "other",
    };
}
