namespace Tandem.Web.Services.Fields;

/// <summary>A custom field to create in an account's app (PRODUCT.md §5: a mapping's target created on the spot).</summary>
/// <param name="Label">The name users will see in the app.</param>
/// <param name="Type">One of the app's creatable types (<see cref="AccountFields.CreatableTypes"/>), e.g. <c>Text</c> or <c>DateTime</c>.</param>
/// <param name="Options">The choices of a <c>SingleChoice</c> or <c>MultipleChoice</c> field; nothing for other types.</param>
public sealed record CreateFieldRequest(string? Label, string? Type, IReadOnlyList<string>? Options = null);
