namespace Tandem.Engine.State;

/// <summary>Opens the state of a connection for one run.</summary>
public interface ISyncStateStore
{
    Task<ISyncSession> OpenAsync(string connectionId, bool dryRun, CancellationToken cancellationToken);
}
