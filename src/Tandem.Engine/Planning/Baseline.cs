using System.Text.Json;
using Tandem.Domain.Configuration;

namespace Tandem.Engine.Planning;

/// <summary>
/// What both sides of a link held, per mapping row, when the link was last in sync — kept per side
/// (the shared value read from A and the one read from B), so a lossy or one-way row still tells
/// exactly which side changed. Also remembers the rules each side matched (for actions on entering a
/// rule and undo on leaving it) and whether each side's unsubscribe has been passed on.
/// </summary>
public sealed class Baseline
{
    private readonly Dictionary<string, string?[]> rows;

    private Baseline(Dictionary<string, string?[]> rows)
    {
        this.rows = rows;
    }

    /// <summary>The rules side A's record matched at the last sync; null when never evaluated (a record Tandem just created).</summary>
    public string[]? RulesA { get; set; }

    public string[]? RulesB { get; set; }

    public bool UnsubscribedA { get; set; }

    public bool UnsubscribedB { get; set; }

    public static Baseline Empty() => new(new Dictionary<string, string?[]>(StringComparer.Ordinal));

    /// <summary>The baseline of a row for one side, and whether the row has one at all.</summary>
    public bool TryGet(string rowKey, Side side, out string? value)
    {
        if (rows.TryGetValue(rowKey, out var pair))
        {
            value = pair[(int)side];
            return true;
        }

        value = null;
        return false;
    }

    public void Set(string rowKey, string? a, string? b) => rows[rowKey] = [a, b];

    /// <summary>Sets one side's value of a row, keeping the other side's.</summary>
    public void SetSide(string rowKey, Side side, string? value)
    {
        if (!rows.TryGetValue(rowKey, out var pair))
        {
            rows[rowKey] = pair = [null, null];
        }

        pair[(int)side] = value;
    }

    public string[]? RulesOf(Side side) => side == Side.A ? RulesA : RulesB;

    public bool UnsubscribedOf(Side side) => side == Side.A ? UnsubscribedA : UnsubscribedB;

    public void SetUnsubscribed(Side side, bool value)
    {
        if (side == Side.A)
        {
            UnsubscribedA = value;
        }
        else
        {
            UnsubscribedB = value;
        }
    }

    public void SetRules(Side side, string[] ruleIds)
    {
        if (side == Side.A)
        {
            RulesA = ruleIds;
        }
        else
        {
            RulesB = ruleIds;
        }
    }

    public string Serialize()
    {
        var dto = new BaselineDto(rows, RulesA, RulesB, UnsubscribedA ? true : null, UnsubscribedB ? true : null);
        return JsonSerializer.Serialize(dto, BaselineDto.Options);
    }

    public static Baseline Parse(string json)
    {
        var dto = JsonSerializer.Deserialize<BaselineDto>(json, BaselineDto.Options) ?? throw new JsonException("Empty baseline.");
        return new Baseline(new Dictionary<string, string?[]>(dto.R, StringComparer.Ordinal))
        {
            RulesA = dto.Ma,
            RulesB = dto.Mb,
            UnsubscribedA = dto.Ua ?? false,
            UnsubscribedB = dto.Ub ?? false,
        };
    }

    private sealed record BaselineDto(Dictionary<string, string?[]> R, string[]? Ma, string[]? Mb, bool? Ua, bool? Ub)
    {
        public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        };
    }
}
