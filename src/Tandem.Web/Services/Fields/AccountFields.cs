using Tandem.Domain.Fields;

namespace Tandem.Web.Services.Fields;

/// <summary>The fields of one account, as its app reports them now.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="App">Its app.</param>
/// <param name="Fields">Every field, compound parts included.</param>
/// <param name="CreatableTypes">The types of field Tandem can create in the app (<c>POST /accounts/{id}/fields</c>); empty when it cannot.</param>
public sealed record AccountFields(string AccountId, string App, IReadOnlyList<FieldView> Fields, IReadOnlyList<FieldType> CreatableTypes);
