using Tandem.Web.Services.Fields;

namespace Tandem.Web.Components.Pages.Wizard;

/// <summary>A field just created in an account's app, with the account's schema read again so it is listed.</summary>
/// <param name="Field">The new field.</param>
/// <param name="Schema">The account's schema and first contacts, read after the creation.</param>
public sealed record CreatedField(FieldView Field, AccountSchema Schema);
