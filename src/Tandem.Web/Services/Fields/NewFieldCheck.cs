using Tandem.Domain.Fields;
using Tandem.Web.Services.Errors;

namespace Tandem.Web.Services.Fields;

/// <summary>
/// Checks a <see cref="CreateFieldRequest"/> before the app is asked: a name, a type the app can create, options for
/// a choice field only. Every problem is told at once, in words for the user; nothing is created when any is found.
/// </summary>
public static class NewFieldCheck
{
    public const int MaxLabelLength = 100;

    public const int MaxOptions = 200;

    /// <summary>Why Tandem cannot create fields in <paramref name="app"/>.</summary>
    public static string CannotCreateReason(string app) =>
        $"Tandem cannot create fields in {app}: its connector does not offer it. Add the field in {app}, then refresh the fields.";

    /// <summary>The label, type and options to create.</summary>
    /// <exception cref="InvalidRequestException">Every problem of the request.</exception>
    public static (string Label, FieldType Type, IReadOnlyList<string> Options) Check(CreateFieldRequest request, string app, IReadOnlyList<FieldType> creatable)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(creatable);
        if (creatable.Count == 0)
        {
            throw new InvalidRequestException(CannotCreateReason(app));
        }

        var errors = new List<string>();
        var label = request.Label?.Trim() ?? string.Empty;
        if (label.Length == 0)
        {
            errors.Add("Give the new field a name.");
        }
        else if (label.Length > MaxLabelLength)
        {
            errors.Add($"A field name may be at most {MaxLabelLength} characters.");
        }

        var type = TypeOf(request.Type, app, creatable, errors);
        var options = (request.Options ?? []).Select(o => o?.Trim() ?? string.Empty).ToList();
        if (type is FieldType.SingleChoice or FieldType.MultipleChoice)
        {
            CheckOptions(options, errors);
        }
        else if (type is not null && options.Count > 0)
        {
            errors.Add($"Only a choice field has options; a {type} field takes none.");
        }

        InvalidRequestException.ThrowIfAny("The field cannot be created.", errors);
        return (label, type!.Value, options);
    }

    private static FieldType? TypeOf(string? text, string app, IReadOnlyList<FieldType> creatable, List<string> errors)
    {
        var offered = string.Join(", ", creatable);
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add($"Choose the type of the new field: {offered}.");
            return null;
        }

        // Names only: a number would pass Enum.TryParse and mean nothing to the user.
        var name = Enum.GetNames<FieldType>().FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (name is null || !creatable.Contains(Enum.Parse<FieldType>(name)))
        {
            errors.Add($"“{text.Trim()}” is not a type of field Tandem can create in {app}; choose one of {offered}.");
            return null;
        }

        return Enum.Parse<FieldType>(name);
    }

    private static void CheckOptions(List<string> options, List<string> errors)
    {
        if (options.All(o => o.Length == 0))
        {
            errors.Add("A choice field needs at least one option.");
            return;
        }

        if (options.Any(o => o.Length == 0))
        {
            errors.Add("An option cannot be empty.");
        }

        if (options.Count > MaxOptions)
        {
            errors.Add($"A choice field may have at most {MaxOptions} options.");
        }

        foreach (var twice in options.Where(o => o.Length > 0).GroupBy(o => o, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add($"The option “{twice.Key}” is listed twice.");
        }
    }
}
