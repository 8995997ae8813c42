using Tandem.Domain.Fields;

namespace Tandem.Domain.Mapping;

/// <summary>Value tables of choice mappings: side A option id → side B option id (PRODUCT.md §5).</summary>
public static class ValueTables
{
    /// <summary>
    /// Pairs options with the same label (case-insensitive, trimmed). Each target option is used once, the
    /// first source option with its label wins; options without a namesake stay out of the table.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Prefill(IReadOnlyList<ChoiceOption> sourceOptions, IReadOnlyList<ChoiceOption> targetOptions)
    {
        var byLabel = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var option in targetOptions)
        {
            byLabel.TryAdd(option.Label.Trim(), option.Id);
        }

        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var option in sourceOptions)
        {
            if (byLabel.Remove(option.Label.Trim(), out var targetId))
            {
                table.TryAdd(option.Id, targetId);
            }
        }

        return table;
    }
}
