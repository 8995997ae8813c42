namespace Tandem.Engine.Tests.Harness;

/// <summary>Thrown where a test kills the process: nothing after it runs, nothing it interrupted is committed.</summary>
public sealed class SimulatedKill : OperationCanceledException
{
    public SimulatedKill()
        : base("Simulated kill.")
    {
    }

    public SimulatedKill(string message)
        : base(message)
    {
    }

    public SimulatedKill(string message, Exception inner)
        : base(message, inner)
    {
    }
}
