namespace Tandem.Web.Services.Fields;

/// <summary>The fields of one account, as its app reports them now.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="App">Its app.</param>
/// <param name="Fields">Every field, compound parts included.</param>
public sealed record AccountFields(string AccountId, string App, IReadOnlyList<FieldView> Fields);
