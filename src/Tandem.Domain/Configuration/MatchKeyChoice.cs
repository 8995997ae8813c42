namespace Tandem.Domain.Configuration;

/// <summary>One key contacts are matched on; the order of a connection's keys is their precedence.</summary>
/// <param name="Kind">What is compared.</param>
public sealed record MatchKeyChoice(MatchKeyKind Kind)
{
    /// <summary>For <see cref="MatchKeyKind.CustomField"/>: the field's key in side A's app.</summary>
    public string? FieldA { get; init; }

    /// <summary>For <see cref="MatchKeyKind.CustomField"/>: the field's key in side B's app.</summary>
    public string? FieldB { get; init; }

    public static MatchKeyChoice Email { get; } = new(MatchKeyKind.Email);

    public static MatchKeyChoice Phone { get; } = new(MatchKeyKind.Phone);

    public string? FieldOf(Side side) => side == Side.A ? FieldA : FieldB;
}
