namespace Tandem.Engine.Tests.Properties;

/// <summary>One step of a random history: a user's edit in one app, or a sync (maybe killed, maybe with a fault).</summary>
/// <param name="Kind">What happens (see <see cref="HistoryRunner"/>).</param>
/// <param name="OnB">Which app the step acts on.</param>
/// <param name="Pick">Which contact (modulo the live ones) or which email.</param>
/// <param name="Field">Which field an edit changes.</param>
/// <param name="Value">Which value an edit writes (0 clears the field).</param>
/// <param name="KillAt">For a killed sync: the state call at which the process dies.</param>
/// <param name="KillAfter">Whether the kill comes right after that call (its effect committed) or before it.</param>
public sealed record HistoryOp(int Kind, bool OnB, int Pick, int Field, int Value, int KillAt, bool KillAfter)
{
    public override string ToString() => $"{HistoryRunner.Describe(Kind)}({(OnB ? "B" : "A")},{Pick},{Field},{Value},{KillAt},{KillAfter})";
}
